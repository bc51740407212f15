using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Ai;

/// <summary><c>AiAnalysisTaskInput</c> (reference/mps-api.md §10): the template and an optional JSON <c>ExtendedParameter</c>.</summary>
public sealed record AiAnalysisTaskInput : INodeTaskInput
{
    public long? Definition { get; init; }

    /// <summary>Free JSON the spec passes to the analysis; must be empty or a JSON object (docs/media-ai-analysis.md).</summary>
    public string? ExtendedParameter { get; init; }

    /// <summary>The cover image's object key (extension, like the image nodes' OutputObjectPath; default §8 pattern).</summary>
    [JsonPropertyName("MfOutputObjectPath")]
    public string? OutputObjectPath { get; init; }

    [JsonIgnore]
    public TaskOutputStorage? OutputStorage => null;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
