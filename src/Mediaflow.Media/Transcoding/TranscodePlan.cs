using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Transcoding;

/// <summary>The ffmpeg job of a transcode plus what the executor needs to finish and measure it.</summary>
public sealed record TranscodePlan
{
    public required FfmpegJob Job { get; init; }

    /// <summary>Absolute path of the main output.</summary>
    public required string MainPath { get; init; }

    /// <summary>The clip being written (progress percent is measured against its length).</summary>
    public required ClipRange Clip { get; init; }

    public OutputGeometry? Geometry { get; init; }

    /// <summary>HLS only: how to turn ffmpeg's temporary segment names into the requested ones.</summary>
    public HlsLayout? Hls { get; init; }

    /// <summary>EnhanceConfig VolumeBalance loudNorm: the measure pass to run before <see cref="Job"/>.</summary>
    public Enhancement.LoudnessPass? Loudness { get; init; }
}
