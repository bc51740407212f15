using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// Time-offset screenshots (reference/mps-api.md §10): <see cref="ExtTimeOffsetSet"/> (<c>"3.5s"</c>, <c>"10%"</c>, bare
/// seconds) and the deprecated <see cref="TimeOffsetSet"/> (seconds); both may be given, images follow in that order.
/// </summary>
public sealed record SnapshotByTimeOffsetTaskInput : INodeTaskInput
{
    public long? Definition { get; init; }
    public IReadOnlyList<string>? ExtTimeOffsetSet { get; init; }
    public IReadOnlyList<double>? TimeOffsetSet { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputObjectPath { get; init; }
    public NumberFormat? ObjectNumberFormat { get; init; }

    /// <summary>Up to 10 watermarks drawn on every image (docs/watermarks.md).</summary>
    public IReadOnlyList<WatermarkInput>? WatermarkSet { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }

    /// <summary>Every asked offset in order: ExtTimeOffsetSet first, then TimeOffsetSet.</summary>
    public IReadOnlyList<TimeOffset> Offsets() =>
        [.. (ExtTimeOffsetSet ?? []).Select(TimeOffset.Parse), .. (TimeOffsetSet ?? []).Select(TimeOffset.FromSeconds)];
}
