using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Snapshots;

/// <summary>The probed source of an image node: its path, displayed size, video duration and frame duration.</summary>
public sealed record SnapshotSource(string Path, long Width, long Height, double Duration, double FrameDuration)
{
    /// <summary>The facts from a probe; a source without a video stream fails the node with <c>SourceFileError.NoVideoMedia</c>.</summary>
    public static SnapshotSource From(string path, ProbeResult probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var video = probe.Video ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "the source has no video stream to take images from");
        if (video.Width <= 0 || video.Height <= 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.NoVideoResolution, "the source's video stream has no usable size");
        }

        var duration = video.Duration > 0 ? video.Duration : probe.Duration;
        return new SnapshotSource(path, video.Width, video.Height, duration, video.Fps > 0 ? 1 / video.Fps : 0.04);
    }
}
