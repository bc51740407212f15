namespace Mediaflow.Domain.Templates;

/// <summary>Video settings of a transcode template (wire model of reference/mps-api.md §13.1). Null = not given.</summary>
public sealed record VideoTemplateInfo
{
    public string? Codec { get; init; }
    public long? Fps { get; init; }
    public long? FpsDenominator { get; init; }
    public long? Bitrate { get; init; }
    public string? ResolutionAdaptive { get; init; }
    public long? Width { get; init; }
    public long? Height { get; init; }
    public long? Gop { get; init; }
    public string? GopUnit { get; init; }
    public string? FillType { get; init; }
    public long? Vcrf { get; init; }
    public long? HlsTime { get; init; }
    public long? SegmentType { get; init; }
    public string? Stereo3dType { get; init; }
    public string? VideoProfile { get; init; }
    public string? VideoLevel { get; init; }
    public long? Bframes { get; init; }
    public string? Mode { get; init; }
    public string? Sar { get; init; }
    public long? NoScenecut { get; init; }
    public long? BitDepth { get; init; }
    public long? RawPts { get; init; }
    public long? Compress { get; init; }
    public System.Text.Json.JsonElement? SegmentSpecificInfo { get; init; }
    public long? ScenarioBased { get; init; }
    public string? SceneType { get; init; }
    public string? CompressType { get; init; }
    public long? ContentAdaptStream { get; init; }
}
