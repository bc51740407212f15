namespace Mediaflow.Domain.Templates;

/// <summary>
/// A transcode template's enhancement (reference/mps-api.md §13.1 <c>EnhanceConfig</c>). Every member is validated by
/// <see cref="TranscodeTemplateRules"/> (mapped to FFmpeg filters, or refused naming the member); the mapping is
/// docs/enhancement.md.
/// </summary>
public sealed record EnhanceConfig
{
    public VideoEnhanceConfig? VideoEnhance { get; init; }
    public AudioEnhanceConfig? AudioEnhance { get; init; }
}
