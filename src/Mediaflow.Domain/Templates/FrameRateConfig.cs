namespace Mediaflow.Domain.Templates;

/// <summary>Frame interpolation to <see cref="Fps"/> (0..100 Hz, 0 = off); overrides VideoTemplate.Fps.</summary>
public sealed record FrameRateConfig
{
    public string? Switch { get; init; }
    public long? Fps { get; init; }
}
