using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Media.Watermarks;

/// <summary>What a node draws on its video after scaling: mosaic regions first (they blur the picture), then watermarks on top.</summary>
public sealed record VideoMarks
{
    public static readonly VideoMarks None = new();

    public IReadOnlyList<WatermarkLayer> Watermarks { get; init; } = [];
    public IReadOnlyList<MosaicInput> Mosaics { get; init; } = [];

    public bool IsEmpty => Watermarks.Count == 0 && Mosaics.Count == 0;
}
