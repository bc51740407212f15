namespace Mediaflow.Media.Probing;

/// <summary>A video stream as ffprobe saw it (attached pictures such as MP3 cover art are not video streams).</summary>
public sealed record ProbedVideoTrack
{
    public int Index { get; init; }
    public string Codec { get; init; } = "";
    public string Profile { get; init; } = "";
    public long Level { get; init; }

    /// <summary>Stored size, before rotation.</summary>
    public long CodedWidth { get; init; }

    public long CodedHeight { get; init; }

    /// <summary>Clockwise rotation (0, 90, 180, 270) a player applies, as ffmpeg's autorotate does.</summary>
    public int Rotation { get; init; }

    /// <summary>Displayed width: the stored size with rotation applied (what ffmpeg filters see).</summary>
    public long Width => Rotation is 90 or 270 ? CodedHeight : CodedWidth;

    public long Height => Rotation is 90 or 270 ? CodedWidth : CodedHeight;

    public long FpsNumerator { get; init; }
    public long FpsDenominator { get; init; } = 1;

    public double Fps => FpsDenominator > 0 ? FpsNumerator / (double)FpsDenominator : 0;

    /// <summary>Bits per second; 0 when the container does not say.</summary>
    public long Bitrate { get; init; }

    /// <summary>Seconds; 0 when unknown.</summary>
    public double Duration { get; init; }

    public string PixelFormat { get; init; } = "";
    public string ColorPrimaries { get; init; } = "";
    public string ColorSpace { get; init; } = "";
    public string ColorTransfer { get; init; } = "";

    /// <summary>ffprobe's <c>color_range</c>: "tv" (studio, 16–235), "pc" (full), or "" when the stream does not say.</summary>
    public string ColorRange { get; init; } = "";

    /// <summary>Luma spans 0–255: a full-range (yuvj*) pixel format, or a stream tagged full range.</summary>
    public bool IsFullRange => PixelFormat.StartsWith("yuvj", StringComparison.Ordinal) || ColorRange == "pc";
}
