using Mediaflow.Domain.Templates;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Transcoding;

/// <summary>One transcode node's work.</summary>
public sealed record TranscodeRequest
{
    /// <summary>Absolute path of the local copy of the source.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The source's probe (from <see cref="MediaProber.ProbeAsync"/>).</summary>
    public required ProbeResult Source { get; init; }

    /// <summary>The effective template (stored or RawParameter, with OverrideParameter applied).</summary>
    public required TranscodeTemplate Template { get; init; }

    /// <summary>Seconds; 0 = from the start, negative = from the end.</summary>
    public double StartTimeOffset { get; init; }

    /// <summary>Seconds; 0 = to the end, negative = from the end.</summary>
    public double EndTimeOffset { get; init; }

    /// <summary>Existing directory the outputs are written to (the caller owns and deletes it).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>File name of the main output (the playlist for HLS), e.g. <c>movie_transcode_100010.mp4</c>.</summary>
    public required string OutputFileName { get; init; }

    /// <summary>HLS: segment index (0, 1, …) → file name; default <c>{stem}_{index}.{ts|m4s}</c>.</summary>
    public Func<int, string>? SegmentFileName { get; init; }

    /// <summary>Watermarks and mosaic regions drawn on the scaled video (<see cref="Watermarks.WatermarkGraph"/>).</summary>
    public Watermarks.VideoMarks? Marks { get; init; }

    /// <summary>HLS with fMP4 segments: the init segment's file name; default <c>{stem}_init.mp4</c>.</summary>
    public string? InitSegmentFileName { get; init; }

    /// <summary>SubtitleTemplate.SubtitleFileInput: the local copy of the subtitle file to burn in.</summary>
    public string? SubtitleFilePath { get; init; }

    /// <summary>HeadTailParameter: clips played before the main content, in order.</summary>
    public IReadOnlyList<ClipSource> HeadClips { get; init; } = [];

    /// <summary>HeadTailParameter: clips played after the main content, in order.</summary>
    public IReadOnlyList<ClipSource> TailClips { get; init; } = [];

    /// <summary>OverrideParameter.AddonAudioStream: files whose first audio stream becomes one more audio track each.</summary>
    public IReadOnlyList<ClipSource> AddonAudio { get; init; } = [];

    /// <summary>OverrideParameter.AddOnSubtitles: subtitle files muxed as soft subtitle tracks.</summary>
    public IReadOnlyList<AddOnSubtitleFile> AddOnSubtitles { get; init; } = [];
}
