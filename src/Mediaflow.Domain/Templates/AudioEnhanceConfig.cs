namespace Mediaflow.Domain.Templates;

/// <summary>Audio enhancement switches (<c>AudioEnhanceConfig</c>). Null = not asked for.</summary>
public sealed record AudioEnhanceConfig
{
    public EnhanceSwitch? Denoise { get; init; }
    public AudioSeparateConfig? Separate { get; init; }
    public EnhanceSwitch? VolumeBalance { get; init; }
    public AudioBeautifyConfig? Beautify { get; init; }
}
