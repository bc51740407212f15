using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai.Analysis;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The wire shapes of an analysis (reference/mps-api.md §12, SDK <c>AiAnalysisResult</c>): one entry per switched-on
/// analysis, <c>{Type, &lt;X&gt;Task: {Status, ErrCodeExt, ErrCode, Message, Input, Output}}</c>.
/// </summary>
internal static class AiAnalysisResults
{
    public static JsonObject Entry(string type, string member, AiAnalysisTaskInput input, JsonObject output) => new()
    {
        ["Type"] = type,
        [member] = new JsonObject
        {
            ["Status"] = "SUCCESS",
            ["ErrCodeExt"] = "",
            ["ErrCode"] = 0,
            ["Message"] = "SUCCESS",
            ["Input"] = Input(input),
            ["Output"] = output,
        },
    };

    public static JsonObject Failed(string type, string member, AiAnalysisTaskInput input, string errCodeExt, string message) => new()
    {
        ["Type"] = type,
        [member] = new JsonObject
        {
            ["Status"] = "FAIL",
            ["ErrCodeExt"] = errCodeExt,
            ["ErrCode"] = Domain.Tasks.TaskErrorCodes.NumericCode(errCodeExt),
            ["Message"] = message,
            ["Input"] = Input(input),
            ["Output"] = null,
        },
    };

    public static JsonObject Segments(IReadOnlyList<Shot> shots) => new()
    {
        ["SegmentSet"] = new JsonArray([.. shots.Select(s => (JsonNode)new JsonObject
        {
            ["Confidence"] = s.Confidence,
            ["StartTimeOffset"] = Round(s.Start),
            ["EndTimeOffset"] = Round(s.End),
        })]),
        ["Abstract"] = "",
    };

    public static JsonObject Highlights(IReadOnlyList<Highlight> highlights) => new()
    {
        ["HighlightSet"] = highlights.Count == 0 ? new JsonArray() : new JsonArray(new JsonObject
        {
            // The highlight reel is described, not rendered: no HighlightPath (docs/media-ai-analysis.md).
            ["HighlightPath"] = "",
            ["CovImgPath"] = "",
            ["Confidence"] = highlights.Max(h => h.Confidence),
            ["Duration"] = Round(highlights.Sum(h => h.End - h.Start)),
            ["SegmentSet"] = new JsonArray([.. highlights.Select(h => (JsonNode)new JsonObject
            {
                ["Confidence"] = h.Confidence,
                ["StartTimeOffset"] = Round(h.Start),
                ["EndTimeOffset"] = Round(h.End),
                ["SegmentTags"] = new JsonArray(),
            })]),
        }),
    };

    /// <summary><c>AiAnalysisTaskTagOutput</c>: <c>TagSet: [{Tag, Confidence, SpecialInfo ""}]</c> plus <c>MfCount</c> and <c>MfSources</c> (OCR, ASR).</summary>
    public static JsonObject Tags(IReadOnlyList<KeywordTag> tags) => new()
    {
        ["TagSet"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject
        {
            ["Tag"] = t.Tag,
            ["Confidence"] = t.Confidence,
            ["SpecialInfo"] = "",
            ["MfCount"] = t.Count,
            ["MfSources"] = new JsonArray([.. t.Sources.Select(s => (JsonNode)JsonValue.Create(s))]),
        })]),
    };

    public static JsonObject HeadTail(HeadTail headTail) => new()
    {
        ["HeadTimeOffset"] = headTail.HeadTimeOffset,
        ["TailTimeOffset"] = headTail.TailTimeOffset,
    };

    private static JsonObject Input(AiAnalysisTaskInput input) => new()
    {
        ["Definition"] = input.Definition,
        ["ExtendedParameter"] = input.ExtendedParameter ?? "",
    };

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
