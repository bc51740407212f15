namespace Mediaflow.Media.Processes;

/// <summary>A process that exited by itself (whatever its exit code).</summary>
public sealed record ProcessRunResult
{
    public required int ExitCode { get; init; }

    /// <summary>Captured stdout ("" when stdout carried progress).</summary>
    public required string StandardOutput { get; init; }

    /// <summary>Last stderr lines.</summary>
    public required IReadOnlyList<string> LogTail { get; init; }

    /// <summary>Program + arguments, shell-quoted for display.</summary>
    public required string CommandLine { get; init; }

    /// <summary>True when stdout was cut at the capture limit.</summary>
    public bool StandardOutputTruncated { get; init; }
}
