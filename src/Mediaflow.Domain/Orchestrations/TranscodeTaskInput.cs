using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>A transcode node's parameters (reference/mps-api.md §10 TranscodeTaskInput).</summary>
public sealed record TranscodeTaskInput
{
    public long? Definition { get; init; }

    /// <summary>Inline template, used when Definition is 0.</summary>
    public TranscodeTemplate? RawParameter { get; init; }

    public double? StartTimeOffset { get; init; }
    public double? EndTimeOffset { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputObjectPath { get; init; }
    public string? SegmentObjectName { get; init; }
    public NumberFormat? ObjectNumberFormat { get; init; }

    /// <summary>Up to 10 watermarks drawn after scaling (docs/watermarks.md).</summary>
    public IReadOnlyList<WatermarkInput>? WatermarkSet { get; init; }

    /// <summary>Up to 10 blurred regions (docs/watermarks.md).</summary>
    public IReadOnlyList<MosaicInput>? MosaicSet { get; init; }

    /// <summary>Members merged over the stored template (Definition ≠ 0 only); see <see cref="TranscodeOverrides"/>.</summary>
    public OverrideTranscodeParameter? OverrideParameter { get; init; }

    /// <summary>Clips (store objects) joined before and after the main content; see <see cref="Orchestrations.HeadTailParameter"/>.</summary>
    public HeadTailParameter? HeadTailParameter { get; init; }

    /// <summary>Fields of the full catalogue that later issues implement (OverrideParameter, WatermarkSet, MosaicSet, HeadTailParameter …): refused while present.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
