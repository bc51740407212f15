using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>Sampled screenshots (reference/mps-api.md §10): the sampling is the template's.</summary>
public sealed record SampleSnapshotTaskInput : INodeTaskInput
{
    public long? Definition { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputObjectPath { get; init; }
    public NumberFormat? ObjectNumberFormat { get; init; }

    /// <summary>Up to 10 watermarks drawn on every image (docs/watermarks.md).</summary>
    public IReadOnlyList<WatermarkInput>? WatermarkSet { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
