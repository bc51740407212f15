namespace Mediaflow.Domain.Templates;

/// <summary>
/// The <c>{Switch, Type}</c> shape shared by most enhancement members (HdrConfig, VideoDenoiseConfig,
/// ImageQualityEnhanceConfig, ColorEnhanceConfig, LowLightEnhanceConfig, ArtifactRepairConfig, DiffusionEnhanceConfig,
/// AiRestorationConfig, VolumeBalanceConfig; AudioDenoiseConfig has no Type). Switch <c>ON</c>/<c>OFF</c>; absent = the
/// member's default (ON for all but DiffusionEnhance and AiRestoration).
/// </summary>
public sealed record EnhanceSwitch
{
    public string? Switch { get; init; }
    public string? Type { get; init; }
}
