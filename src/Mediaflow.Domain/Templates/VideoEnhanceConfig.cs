namespace Mediaflow.Domain.Templates;

/// <summary>Video enhancement switches (<c>VideoEnhanceConfig</c>). Null = not asked for.</summary>
public sealed record VideoEnhanceConfig
{
    public FrameRateConfig? FrameRate { get; init; }
    public SuperResolutionConfig? SuperResolution { get; init; }
    public EnhanceSwitch? Hdr { get; init; }
    public EnhanceSwitch? Denoise { get; init; }
    public EnhanceSwitch? ImageQualityEnhance { get; init; }
    public EnhanceSwitch? ColorEnhance { get; init; }
    public EnhanceIntensity? SharpEnhance { get; init; }
    public EnhanceIntensity? FaceEnhance { get; init; }
    public EnhanceSwitch? LowLightEnhance { get; init; }
    public EnhanceIntensity? ScratchRepair { get; init; }
    public EnhanceSwitch? ArtifactRepair { get; init; }
    public string? EnhanceSceneType { get; init; }
    public EnhanceSwitch? DiffusionEnhance { get; init; }
    public FrameRateWithDenConfig? FrameRateWithDen { get; init; }
    public EnhanceSwitch? AiRestoration { get; init; }
}
