namespace Mediaflow.Media.Jobs;

/// <summary>Audio encoder settings of one output; null = encoder default / same as source.</summary>
public sealed record AudioEncoding
{
    /// <summary>ffmpeg encoder name: <c>aac</c> (native), <c>libmp3lame</c>, <c>flac</c>.</summary>
    public required string Encoder { get; init; }

    /// <summary>Bits per second.</summary>
    public long? Bitrate { get; init; }

    public long? SampleRate { get; init; }
    public int? Channels { get; init; }
}
