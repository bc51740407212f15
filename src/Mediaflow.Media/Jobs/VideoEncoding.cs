namespace Mediaflow.Media.Jobs;

/// <summary>Video encoder settings of one output. Rates are bits per second; null = encoder default.</summary>
public sealed record VideoEncoding
{
    /// <summary>ffmpeg encoder name, e.g. <c>libx264</c>, <c>libx265</c>.</summary>
    public required string Encoder { get; init; }

    public string? Preset { get; init; }
    public string? Profile { get; init; }
    public string? Level { get; init; }
    public long? Bitrate { get; init; }
    public long? MinRate { get; init; }
    public long? MaxRate { get; init; }
    public long? BufferSize { get; init; }
    public int? Crf { get; init; }

    /// <summary>Encoder quality scale (<c>-q:v</c>): 2..31 for mjpeg (lower is better), 0..100 for libwebp.</summary>
    public int? Quality { get; init; }

    /// <summary>Keyframe interval in frames (<c>-g</c>).</summary>
    public int? Gop { get; init; }

    public int? BFrames { get; init; }
    public string PixelFormat { get; init; } = "yuv420p";

    /// <summary><c>-force_key_frames</c> expression, e.g. <c>expr:gte(t,n_forced*4)</c>.</summary>
    public string? ForceKeyFrames { get; init; }

    /// <summary>Codec tag (<c>-tag:v</c>), e.g. <c>hvc1</c> for HEVC in MP4.</summary>
    public string? Tag { get; init; }

    /// <summary>Private encoder parameters (<c>-x265-params k=v:k=v</c> / <c>-svtav1-params</c> / <c>-x264-params</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EncoderParams { get; init; } = [];

    /// <summary>Encoder private options rendered as <c>-name value</c> (e.g. libvpx <c>-deadline good</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PrivateOptions { get; init; } = [];
}
