namespace Mediaflow.Domain.Templates;

/// <summary>Super-resolution: Type <c>lq</c> (noisy low-definition source, default) / <c>hq</c>; Size 2 (the only factor).</summary>
public sealed record SuperResolutionConfig
{
    public string? Switch { get; init; }
    public string? Type { get; init; }
    public long? Size { get; init; }
}
