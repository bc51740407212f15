using System.Text.Json.Nodes;
using Mediaflow.Media.Ai.Models;

namespace Mediaflow.Engine.Nodes;

/// <summary>The Output shapes of the model-backed analyses (SDK <c>AiAnalysisTaskClassificationOutput</c>, <c>…FrameTagOutput</c>).</summary>
internal static class AiModelResults
{
    public static JsonObject Classification(ModelRun run) => new()
    {
        ["ClassificationSet"] = new JsonArray([.. run.Classify().Select(s => (JsonNode)new JsonObject
        {
            ["Classification"] = s.Label,
            ["Confidence"] = Percent(s.Score),
        })]),
    };

    public static JsonObject FrameTags(ModelRun run) => new()
    {
        ["SegmentSet"] = new JsonArray([.. run.TagSegments().Select(segment => (JsonNode)new JsonObject
        {
            ["StartTimeOffset"] = Math.Round(segment.Start, 3),
            ["EndTimeOffset"] = Math.Round(segment.End, 3),
            ["TagSet"] = new JsonArray([.. segment.Tags.Select(t => (JsonNode)new JsonObject
            {
                ["Tag"] = t.Label,
                ["CategorySet"] = new JsonArray(),
                ["Confidence"] = Percent(t.Score),
            })]),
        })]),
    };

    private static double Percent(double score) => Math.Round(score * 100, 2);
}
