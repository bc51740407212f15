using System.Text.Json.Nodes;
using Mediaflow.Media.Ai;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The <c>AiRecognitionResult</c> entries (reference/mps-api.md §12; the SDK models <c>AiRecognitionTask*Result</c>): one
/// per switch that ran, each with <c>Type</c> and its <c>…Task</c> member carrying Status, ErrCodeExt, ErrCode, Message,
/// Input {Definition} and Output.
/// </summary>
internal static class AiRecognitionResults
{
    public static JsonObject Face(long definition, IReadOnlyList<FaceSighting> sightings) =>
        Entry("FaceRecognition", "FaceTask", definition, new JsonObject
        {
            ["ResultSet"] = new JsonArray([.. sightings.GroupBy(s => s.PersonId, StringComparer.Ordinal).Select(person => (JsonNode)new JsonObject
            {
                ["Id"] = person.Key,
                ["Type"] = "UserDefine",
                ["Name"] = person.First().PersonName,
                ["SegmentSet"] = new JsonArray([.. person.Select(s => (JsonNode)new JsonObject
                {
                    ["StartTimeOffset"] = s.StartTimeOffset,
                    ["EndTimeOffset"] = s.EndTimeOffset,
                    ["Confidence"] = s.Confidence,
                    ["AreaCoordSet"] = new JsonArray([.. s.AreaCoordSet.Select(v => (JsonNode)v)]),
                })]),
            })]),
        });

    public static JsonObject OcrFullText(long definition, IReadOnlyList<TimedText> segments) =>
        Entry("OcrFullTextRecognition", "OcrFullTextTask", definition, new JsonObject
        {
            ["SegmentSet"] = new JsonArray([.. segments.Select(s => (JsonNode)new JsonObject
            {
                ["StartTimeOffset"] = s.StartTimeOffset,
                ["EndTimeOffset"] = s.EndTimeOffset,
                ["TextSet"] = new JsonArray([.. s.Lines.Select(l => (JsonNode)new JsonObject
                {
                    ["Confidence"] = l.Confidence,
                    ["AreaCoordSet"] = Area(l),
                    ["Text"] = l.Text,
                })]),
            })]),
        });

    public static JsonObject OcrWords(long definition, IReadOnlyList<WordOccurrence> words) =>
        Entry("OcrWordsRecognition", "OcrWordsTask", definition, new JsonObject
        {
            ["ResultSet"] = Grouped(words, w => new JsonObject
            {
                ["StartTimeOffset"] = w.StartTimeOffset,
                ["EndTimeOffset"] = w.EndTimeOffset,
                ["Confidence"] = w.Confidence,
                ["AreaCoordSet"] = w.Area is null ? new JsonArray() : Area(w.Area),
            }),
        });

    /// <summary>The spec's <c>AsrFullTextTask.Output.SegmentSet</c>: one entry per utterance, with its words' times.</summary>
    public static JsonArray AsrSegments(IReadOnlyList<Utterance> utterances) =>
        new([.. utterances.Select(u => (JsonNode)new JsonObject
        {
            ["Confidence"] = u.Confidence,
            ["StartTimeOffset"] = u.Start,
            ["EndTimeOffset"] = u.End,
            ["Text"] = u.Text,
            ["Wordlist"] = new JsonArray([.. u.Words.Select(w => (JsonNode)new JsonObject { ["Word"] = w.Word, ["Start"] = w.Start, ["End"] = w.End })]),
        })]);

    public static JsonObject AsrFullText(long definition, IReadOnlyList<Utterance> utterances) =>
        Entry("AsrFullTextRecognition", "AsrFullTextTask", definition, new JsonObject
        {
            ["SegmentSet"] = AsrSegments(utterances),
            ["SubtitlePath"] = "",
        });

    /// <summary>Every word heard, in time order, as occurrences (for <see cref="RecognitionKeywords"/>).</summary>
    public static IReadOnlyList<WordOccurrence> Heard(IReadOnlyList<Utterance> utterances) =>
        [.. utterances.SelectMany(u => u.Words).Select(w => new WordOccurrence(w.Word, w.Start, w.End, w.Confidence, null))];

    public static JsonObject AsrWords(long definition, IReadOnlyList<WordOccurrence> words) =>
        Entry("AsrWordsRecognition", "AsrWordsTask", definition, new JsonObject
        {
            ["ResultSet"] = Grouped(
                words,
                w => new JsonObject { ["StartTimeOffset"] = w.StartTimeOffset, ["EndTimeOffset"] = w.EndTimeOffset, ["Confidence"] = w.Confidence }),
        });

    private static JsonArray Grouped(IReadOnlyList<WordOccurrence> words, Func<WordOccurrence, JsonObject> segment) =>
        [.. words.GroupBy(w => w.Word, StringComparer.Ordinal).OrderBy(g => g.Min(w => w.StartTimeOffset)).Select(g => (JsonNode)new JsonObject
        {
            ["Word"] = g.Key,
            ["SegmentSet"] = new JsonArray([.. g.OrderBy(w => w.StartTimeOffset).Select(w => (JsonNode)segment(w))]),
        })];

    private static JsonArray Area(TextArea area) => [.. area.AreaCoordSet.Select(v => (JsonNode)v)];

    private static JsonObject Entry(string type, string member, long definition, JsonObject output) => new()
    {
        ["Type"] = type,
        [member] = new JsonObject
        {
            ["Status"] = "SUCCESS",
            ["ErrCodeExt"] = "",
            ["ErrCode"] = 0,
            ["Message"] = "SUCCESS",
            ["Input"] = new JsonObject { ["Definition"] = definition },
            ["Output"] = output,
        },
    };
}
