namespace Mediaflow.Media.Probing;

/// <summary>An audio stream as ffprobe saw it.</summary>
public sealed record ProbedAudioTrack
{
    public int Index { get; init; }
    public string Codec { get; init; } = "";
    public string Profile { get; init; } = "";
    public long SampleRate { get; init; }
    public long Channels { get; init; }

    /// <summary>Bits per second; 0 when the container does not say.</summary>
    public long Bitrate { get; init; }

    /// <summary>Seconds; 0 when unknown.</summary>
    public double Duration { get; init; }

    /// <summary>The stream's <c>language</c> tag (e.g. <c>eng</c>); null when absent or <c>und</c>.</summary>
    public string? Language { get; init; }
}
