using Mediaflow.Domain.Media;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Transcoding;

/// <summary>What a transcode produced, measured on the written files.</summary>
public sealed record TranscodeResult
{
    /// <summary>Measured facts; <c>Path</c> and <c>OutputStorage</c> are left for the engine.</summary>
    public required MediaTranscodeItem Item { get; init; }

    /// <summary>Every file written, the main output first (then the init segment and segments for HLS).</summary>
    public required IReadOnlyList<ProducedFile> Files { get; init; }

    /// <summary>ffprobe of the main output.</summary>
    public required ProbeResult Output { get; init; }

    /// <summary>The exact ffmpeg command line (shell-quoted for display).</summary>
    public required string CommandLine { get; init; }

    /// <summary>ffmpeg's last stderr lines.</summary>
    public required IReadOnlyList<string> LogTail { get; init; }
}
