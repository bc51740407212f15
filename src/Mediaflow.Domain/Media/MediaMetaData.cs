namespace Mediaflow.Domain.Media;

/// <summary>
/// Probe facts of a source (wire shape <c>MediaMetaData</c>, reference/mps-api.md §12). Property names are the wire
/// names; serialize with <c>PropertyNamingPolicy = null</c>. Width/Height are the displayed size (rotation applied),
/// <see cref="Rotate"/> the clockwise rotation in degrees (0, 90, 180, 270) the source asks the player to apply.
/// </summary>
public sealed record MediaMetaData
{
    /// <summary>Bytes of the source file.</summary>
    public long Size { get; init; }

    /// <summary>ffprobe's <c>format_name</c>, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c>.</summary>
    public string Container { get; init; } = "";

    /// <summary>Total bitrate, bits per second.</summary>
    public long Bitrate { get; init; }

    public long Height { get; init; }

    public long Width { get; init; }

    /// <summary>Seconds.</summary>
    public double Duration { get; init; }

    public long Rotate { get; init; }

    public IReadOnlyList<MediaVideoStreamItem> VideoStreamSet { get; init; } = [];

    public IReadOnlyList<MediaAudioStreamItem> AudioStreamSet { get; init; } = [];

    /// <summary>Seconds of the first video stream (0 when none).</summary>
    public double VideoDuration { get; init; }

    /// <summary>Seconds of the first audio stream (0 when none).</summary>
    public double AudioDuration { get; init; }
}
