using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Engine.Tasks;
using Mediaflow.Media.Ai;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The <c>SmartSubtitlesResult</c> entries (reference/mps-api.md §12; SDK <c>SmartSubtitleTaskAsrFullTextResult</c>,
/// <c>SmartSubtitleTaskFullTextResult</c>): Type and its <c>…Task</c> member with Status, ErrCodeExt, ErrCode, Message,
/// Input {Definition, RawParameter, UserExtPara}, Output and Progress.
/// </summary>
internal static class SmartSubtitlesResults
{
    /// <param name="path">The subtitle file's wire path, "" when SubtitleFormat is empty (no file).</param>
    public static JsonObject AsrFullText(SmartSubtitlesTaskInput input, IReadOnlyList<Utterance> utterances, string path, string language, string engine) =>
        Entry("AsrFullTextRecognition", "AsrFullTextTask", input, new JsonObject
        {
            ["SegmentSet"] = AiRecognitionResults.AsrSegments(utterances),
            ["Path"] = path,
            ["SubtitlePath"] = path,
            ["SubtitleInfo"] = Subtitle(language, path),
            ["MfEngine"] = engine,
        });

    public static JsonObject OcrFullText(SmartSubtitlesTaskInput input, IReadOnlyList<TimedText> segments, string path, string language) =>
        Entry("OcrFullTextRecognition", "OcrFullTextTask", input, new JsonObject
        {
            ["SegmentSet"] = new JsonArray([.. segments.Select(s => (JsonNode)new JsonObject
            {
                ["Confidence"] = s.Lines.Count == 0 ? 0 : Math.Round(s.Lines.Average(l => l.Confidence), 2),
                ["StartTimeOffset"] = s.StartTimeOffset,
                ["EndTimeOffset"] = s.EndTimeOffset,
                ["Text"] = string.Join('\n', s.Lines.Select(l => l.Text)),
            })]),
            ["RecognizeSubtitleResult"] = new JsonArray(Subtitle(language, path)),
            ["TransSubtitleResult"] = new JsonArray(),
        });

    private static JsonObject Subtitle(string language, string path) => new() { ["Language"] = language, ["Status"] = "SUCCESS", ["Path"] = path };

    private static JsonObject Entry(string type, string member, SmartSubtitlesTaskInput input, JsonObject output) => new()
    {
        ["Type"] = type,
        [member] = new JsonObject
        {
            ["Status"] = "SUCCESS",
            ["ErrCodeExt"] = "",
            ["ErrCode"] = 0,
            ["Message"] = "SUCCESS",
            ["Input"] = new JsonObject
            {
                ["Definition"] = input.Definition ?? 0,
                ["RawParameter"] = input.RawParameter is null ? null : JsonSerializer.SerializeToNode(input.RawParameter, EngineJson.Options),
                ["UserExtPara"] = input.UserExtPara ?? "",
            },
            ["Output"] = output,
            ["Progress"] = 100,
        },
    };
}
