namespace Mediaflow.Media.Jobs;

/// <summary>One output file: which streams, how they are encoded, and the muxer.</summary>
public sealed record FfmpegOutput
{
    /// <summary>Absolute local path.</summary>
    public required string Path { get; init; }

    /// <summary><c>-map</c> values: a graph label in brackets (<c>[vout]</c>) or an input stream (<c>0:a:0</c>).</summary>
    public IReadOnlyList<string> Maps { get; init; } = [];

    /// <summary>Null = no video (<c>-vn</c>).</summary>
    public VideoEncoding? Video { get; init; }

    /// <summary>The video copied as it is, through bitstream filters (<c>-c:v copy -bsf:v …</c>); only with <see cref="Video"/> null.</summary>
    public StreamCopy? VideoCopy { get; init; }

    /// <summary>Null = no audio (<c>-an</c>).</summary>
    public AudioEncoding? Audio { get; init; }

    /// <summary>
    /// Several video streams with their own encoders (a DASH ladder): entry i encodes the i-th mapped video stream
    /// (<c>-c:v:i</c> …). Non-empty only with <see cref="Video"/> null.
    /// </summary>
    public IReadOnlyList<VideoEncoding> VideoStreams { get; init; } = [];

    /// <summary>Several audio streams with their own encoders (<c>-c:a:i</c> …). Non-empty only with <see cref="Audio"/> null.</summary>
    public IReadOnlyList<AudioEncoding> AudioStreams { get; init; } = [];

    /// <summary>Soft subtitle streams: entry i encodes the i-th mapped subtitle stream (<c>-c:s:i</c> …). Empty = none (<c>-sn</c>).</summary>
    public IReadOnlyList<SubtitleEncoding> Subtitles { get; init; } = [];

    /// <summary>Stop after this many video frames (<c>-frames:v</c>).</summary>
    public long? VideoFrames { get; init; }

    /// <summary>Write every frame the graph passes with its own timestamp, no duplicates or drops (<c>-fps_mode passthrough</c>).</summary>
    public bool PassthroughTimestamps { get; init; }

    /// <summary>Stop writing after this much output (<c>-t</c>).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Drop global and stream metadata of the inputs (<c>-map_metadata -1</c>).</summary>
    public bool StripMetadata { get; init; } = true;

    public required Muxer Muxer { get; init; }
}
