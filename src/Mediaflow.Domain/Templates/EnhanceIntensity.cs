namespace Mediaflow.Domain.Templates;

/// <summary>The <c>{Switch, Intensity}</c> shape (SharpEnhanceConfig, FaceEnhanceConfig, ScratchRepairConfig): Intensity 0.0–1.0.</summary>
public sealed record EnhanceIntensity
{
    public string? Switch { get; init; }
    public double? Intensity { get; init; }
}
