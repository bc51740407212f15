namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// One blurred region of a transcode (reference/mps-api.md §10 MosaicInput). Positions and sizes are <c>N%</c> (of the
/// output width/height) or <c>Npx</c>; the origin is the top-left corner of both the video and the region.
/// </summary>
public sealed record MosaicInput
{
    public string? CoordinateOrigin { get; init; }
    public string? XPos { get; init; }
    public string? YPos { get; init; }

    /// <summary>Default <c>10%</c>.</summary>
    public string? Width { get; init; }

    /// <summary>Default <c>10%</c>.</summary>
    public string? Height { get; init; }

    /// <summary>As <see cref="WatermarkInput.StartTimeOffset"/>.</summary>
    public double? StartTimeOffset { get; init; }

    /// <summary>As <see cref="WatermarkInput.EndTimeOffset"/>.</summary>
    public double? EndTimeOffset { get; init; }
}
