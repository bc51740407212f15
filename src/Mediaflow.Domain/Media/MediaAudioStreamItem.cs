namespace Mediaflow.Domain.Media;

/// <summary>One audio stream (wire shape <c>MediaAudioStreamItem</c>).</summary>
public sealed record MediaAudioStreamItem
{
    /// <summary>Bits per second (0 when the container does not say).</summary>
    public long Bitrate { get; init; }

    /// <summary>Hz.</summary>
    public long SamplingRate { get; init; }

    /// <summary>ffprobe's <c>codec_name</c>, e.g. <c>aac</c>, <c>mp3</c>, <c>flac</c>.</summary>
    public string Codec { get; init; } = "";

    public long Channel { get; init; }

    /// <summary>RFC 6381 codec string where derivable, e.g. <c>mp4a.40.2</c>.</summary>
    public string Codecs { get; init; } = "";

    /// <summary>Integrated loudness (LUFS); 0 = not measured (a probe does not measure it).</summary>
    public double Loudness { get; init; }
}
