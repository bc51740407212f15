namespace Mediaflow.Media.Jobs;

/// <summary>
/// One ffmpeg invocation as data: inputs, a filter graph, outputs. Turned into an argument list by
/// <see cref="FfmpegArgumentRenderer"/> only; nothing else builds ffmpeg command lines.
/// </summary>
public sealed record FfmpegJob
{
    public required IReadOnlyList<FfmpegInput> Inputs { get; init; }

    /// <summary>Chains of the <c>-filter_complex</c> graph; empty = no graph.</summary>
    public IReadOnlyList<FilterChain> FilterGraph { get; init; } = [];

    public required IReadOnlyList<FfmpegOutput> Outputs { get; init; }

    /// <summary>Decoder cap on width × height of any input (<c>-max_pixels</c>); 0 = ffmpeg's default.</summary>
    public long MaxPixels { get; init; }

    /// <summary>Encoder threads per output (<c>-threads</c>); 0 = ffmpeg decides.</summary>
    public int Threads { get; init; }

    /// <summary>Keep the inputs' own timestamps instead of starting at zero (<c>-copyts</c>).</summary>
    public bool CopyTimestamps { get; init; }

    /// <summary>Trace every packet's and decoded frame's timestamps on stderr (<c>-debug_ts</c>), e.g. to place decode damage in time.</summary>
    public bool DebugTimestamps { get; init; }
}
