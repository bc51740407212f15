using Mediaflow.Media.Progress;

namespace Mediaflow.Media.Processes;

/// <summary>What to run and how to watch it.</summary>
public sealed record ProcessRunRequest
{
    public required string Program { get; init; }

    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>
    /// Stdout carries ffmpeg's <c>-progress</c> blocks: they are parsed, reported and feed the no-progress watchdog.
    /// Otherwise stdout is captured (bounded by <see cref="MaxStandardOutputChars"/>), e.g. ffprobe's JSON.
    /// </summary>
    public bool StandardOutputIsProgress { get; init; }

    /// <summary>Kill when no advancing progress block arrived for this long (only with progress on stdout).</summary>
    public TimeSpan? NoProgressTimeout { get; init; }

    /// <summary>Kill when the process has not exited after this long.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Called for every progress block, on the reader's thread.</summary>
    public Action<FfmpegProgress>? OnProgress { get; init; }

    /// <summary>Called for every stderr line, on the reader's thread (filter logs such as showinfo, which the bounded tail would cut).</summary>
    public Action<string>? OnStandardErrorLine { get; init; }

    /// <summary>
    /// Called for every stdout line, on the reader's thread, instead of capturing stdout (long streamed outputs such as
    /// ffprobe's packet and frame listing, which must not be held in memory). Ignored with <see cref="StandardOutputIsProgress"/>.
    /// </summary>
    public Action<string>? OnStandardOutputLine { get; init; }

    /// <summary>Called with the process id once started (tests, logs).</summary>
    public Action<int>? OnStarted { get; init; }

    public int MaxStandardOutputChars { get; init; } = 16 * 1024 * 1024;
}
