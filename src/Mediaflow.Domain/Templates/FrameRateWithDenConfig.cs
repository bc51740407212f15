namespace Mediaflow.Domain.Templates;

/// <summary>Frame interpolation to FpsNum/FpsDen (&lt; 120 Hz); overrides VideoTemplate.Fps/FpsDenominator.</summary>
public sealed record FrameRateWithDenConfig
{
    public string? Switch { get; init; }
    public long? FpsNum { get; init; }
    public long? FpsDen { get; init; }
}
