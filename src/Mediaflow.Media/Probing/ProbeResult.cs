using Mediaflow.Domain.Media;

namespace Mediaflow.Media.Probing;

/// <summary>The normalized facts of one media file (see <see cref="ProbeNormalizer"/>).</summary>
public sealed record ProbeResult
{
    /// <summary>ffprobe's <c>format_name</c>, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c>.</summary>
    public string Container { get; init; } = "";

    /// <summary>Bytes (ffprobe's <c>format.size</c>).</summary>
    public long Size { get; init; }

    /// <summary>Seconds (format duration, else the longest stream).</summary>
    public double Duration { get; init; }

    /// <summary>Total bits per second (format bit rate, else size × 8 / duration).</summary>
    public long Bitrate { get; init; }

    public IReadOnlyList<ProbedVideoTrack> VideoStreams { get; init; } = [];

    public IReadOnlyList<ProbedAudioTrack> AudioStreams { get; init; } = [];

    /// <summary>The first video stream, which transcodes use.</summary>
    public ProbedVideoTrack? Video => VideoStreams.Count > 0 ? VideoStreams[0] : null;

    /// <summary>The first audio stream, which transcodes use.</summary>
    public ProbedAudioTrack? Audio => AudioStreams.Count > 0 ? AudioStreams[0] : null;

    public bool HasVideo => VideoStreams.Count > 0;

    public bool HasAudio => AudioStreams.Count > 0;

    /// <summary>The wire <c>MediaMetaData</c>: displayed size of the first video stream, its clockwise rotation.</summary>
    public MediaMetaData ToMetaData() => new()
    {
        Size = Size,
        Container = Container,
        Bitrate = Bitrate,
        Width = Video?.Width ?? 0,
        Height = Video?.Height ?? 0,
        Duration = Duration,
        Rotate = Video?.Rotation ?? 0,
        VideoStreamSet = [.. VideoStreams.Select(ToWire)],
        AudioStreamSet = [.. AudioStreams.Select(ToWire)],
        VideoDuration = Video is { } v ? (v.Duration > 0 ? v.Duration : Duration) : 0,
        AudioDuration = Audio is { } a ? (a.Duration > 0 ? a.Duration : Duration) : 0,
    };

    public static MediaVideoStreamItem ToWire(ProbedVideoTrack v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new()
        {
            Bitrate = v.Bitrate,
            Width = v.Width,
            Height = v.Height,
            Codec = v.Codec,
            Fps = (long)Math.Round(v.Fps, MidpointRounding.AwayFromZero),
            FpsNumerator = v.FpsNumerator,
            FpsDenominator = v.FpsDenominator,
            ColorPrimaries = v.ColorPrimaries,
            ColorSpace = v.ColorSpace,
            ColorTransfer = v.ColorTransfer,
            HdrType = v.ColorTransfer switch
            {
                "smpte2084" => "hdr10",
                "arib-std-b67" => "hlg",
                _ => "",
            },
            Codecs = CodecStrings.Video(v),
        };
    }

    public static MediaAudioStreamItem ToWire(ProbedAudioTrack a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new()
        {
            Bitrate = a.Bitrate,
            SamplingRate = a.SampleRate,
            Codec = a.Codec,
            Channel = a.Channels,
            Codecs = CodecStrings.Audio(a),
        };
    }
}
