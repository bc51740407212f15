namespace Mediaflow.Media.Progress;

/// <summary>One block of ffmpeg's <c>-progress</c> output (the keys up to a <c>progress=</c> line). Null = N/A or absent.</summary>
public sealed record FfmpegProgress
{
    public long? Frame { get; init; }
    public double? Fps { get; init; }

    /// <summary>Output timestamp in microseconds (<c>out_time_us</c>; ffmpeg 5.1's <c>out_time_ms</c> is the same number, mislabelled).</summary>
    public long? OutTimeMicroseconds { get; init; }

    public long? TotalSize { get; init; }
    public double? Speed { get; init; }

    /// <summary><c>progress=end</c>: the last block of a run.</summary>
    public bool IsEnd { get; init; }

    public TimeSpan? OutTime => OutTimeMicroseconds is { } us ? TimeSpan.FromMicroseconds(us) : null;

    /// <summary>Percent of <paramref name="expected"/> written, 0..100; 100 on the end block.</summary>
    public double PercentOf(TimeSpan expected)
    {
        if (IsEnd)
        {
            return 100;
        }

        if (OutTimeMicroseconds is not { } us || expected <= TimeSpan.Zero)
        {
            return 0;
        }

        return Math.Clamp(us * (double)TimeSpan.TicksPerMicrosecond / expected.Ticks * 100, 0, 100);
    }

    /// <summary>True when this block shows work done since <paramref name="previous"/> (the watchdog's notion of progress).</summary>
    public bool AdvancedSince(FfmpegProgress? previous) =>
        previous is null || IsEnd || OutTimeMicroseconds != previous.OutTimeMicroseconds || TotalSize != previous.TotalSize || Frame != previous.Frame;
}
