using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>A GIF/WebP clip of the source from StartTimeOffset to EndTimeOffset seconds (reference/mps-api.md §10).</summary>
public sealed record AnimatedGraphicTaskInput : INodeTaskInput
{
    public long? Definition { get; init; }
    public double? StartTimeOffset { get; init; }
    public double? EndTimeOffset { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputObjectPath { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
