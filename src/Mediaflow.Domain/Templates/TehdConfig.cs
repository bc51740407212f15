namespace Mediaflow.Domain.Templates;

/// <summary>
/// "Top Speed Codec" (<c>TEHDConfig</c> / <c>TEHDConfigForUpdate</c>): Type <c>TEHD-100</c> (video) or empty = off;
/// MaxVideoBitrate kbps, 0 = no cap. Mapped to a quality-targeted encode (docs/enhancement.md).
/// </summary>
public sealed record TehdConfig
{
    public string? Type { get; init; }
    public long? MaxVideoBitrate { get; init; }
}
