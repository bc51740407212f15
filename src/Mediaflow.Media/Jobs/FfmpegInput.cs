namespace Mediaflow.Media.Jobs;

/// <summary>An input file. Always read through <c>-protocol_whitelist file,pipe</c>: never the network.</summary>
public sealed record FfmpegInput
{
    /// <summary>Absolute local path.</summary>
    public required string Path { get; init; }

    /// <summary>Input seek (<c>-ss</c>, frame-accurate when transcoding).</summary>
    public TimeSpan? Seek { get; init; }

    /// <summary>Read at most this much after the seek point (<c>-t</c> on the input).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Forced demuxer (<c>-f</c>); null = probe.</summary>
    public string? Format { get; init; }

    /// <summary>Read the input again and again, without end (<c>-stream_loop -1</c>): an animated watermark that repeats.</summary>
    public bool LoopForever { get; init; }

    /// <summary>Demuxers allowed to open this input (<c>-format_whitelist</c>); empty = any.</summary>
    public IReadOnlyList<string> FormatWhitelist { get; init; } = [];
}
