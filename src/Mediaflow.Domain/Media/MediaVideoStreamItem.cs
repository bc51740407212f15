namespace Mediaflow.Domain.Media;

/// <summary>One video stream (wire shape <c>MediaVideoStreamItem</c>). Fps is an integer on the wire; the exact rate is
/// <see cref="FpsNumerator"/>/<see cref="FpsDenominator"/>.</summary>
public sealed record MediaVideoStreamItem
{
    /// <summary>Bits per second (0 when the container does not say).</summary>
    public long Bitrate { get; init; }

    public long Height { get; init; }

    public long Width { get; init; }

    /// <summary>ffprobe's <c>codec_name</c>, e.g. <c>h264</c>, <c>hevc</c>.</summary>
    public string Codec { get; init; } = "";

    public long Fps { get; init; }

    public string ColorPrimaries { get; init; } = "";

    public string ColorSpace { get; init; } = "";

    public string ColorTransfer { get; init; } = "";

    /// <summary><c>""</c> (SDR), <c>hdr10</c> or <c>hlg</c>.</summary>
    public string HdrType { get; init; } = "";

    /// <summary>RFC 6381 codec string where derivable, e.g. <c>avc1.64001e</c>.</summary>
    public string Codecs { get; init; } = "";

    public long FpsNumerator { get; init; }

    public long FpsDenominator { get; init; }
}
