using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Snapshots;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Ai.Analysis;

/// <summary>
/// The AI analysis of one input (docs/media-ai-analysis.md): one ffmpeg pass prints per-frame picture statistics and
/// per-window audio levels (<see cref="AnalysisGraph"/>), then pure functions find shots, head/tail, highlights and
/// the cover frame. The cover image itself is one accurate-seek screenshot of that frame.
/// </summary>
public sealed class MediaAnalyzer(MediaOptions options, MediaProcessRunner runner, SnapshotExecutor snapshots)
{
    public async Task<MediaAnalysis> AnalyzeAsync(string inputPath, ProbeResult probe, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!probe.HasVideo)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "the input has no video stream to analyse");
        }

        Directory.CreateDirectory(workDirectory);
        var videoStats = Path.Combine(workDirectory, "analysis-video.txt");
        var audioStats = Path.Combine(workDirectory, "analysis-audio.txt");
        var job = AnalysisGraph.Build(inputPath, probe.HasAudio, videoStats, audioStats);
        var expected = TimeSpan.FromSeconds(Math.Max(probe.Duration, 0.001));
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnProgress = block => progress?.Report(Math.Min(95, block.PercentOf(expected) * 0.95)),
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, message, retryable, run.CommandLine, run.LogTail);
        }

        var frames = FrameSample.From(MetadataPrintParser.Parse(await File.ReadAllLinesAsync(videoStats, cancellationToken)));
        if (frames.Count == 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, "ffmpeg decoded no video frame to analyse", run.CommandLine, run.LogTail);
        }

        var audio = probe.HasAudio && File.Exists(audioStats)
            ? AudioSample.From(MetadataPrintParser.Parse(await File.ReadAllLinesAsync(audioStats, cancellationToken)))
            : [];
        return MediaAnalysis.From(frames, audio, probe.Duration, run.CommandLine, run.LogTail);
    }

    /// <summary>The cover image: the frame at <paramref name="time"/>, source size, JPEG.</summary>
    public async Task<SnapshotRun> CoverImageAsync(SnapshotSource source, double time, string workDirectory, CancellationToken cancellationToken)
    {
        var template = new SnapshotByTimeOffsetTemplate { Format = "jpg", FillType = "stretch" };
        Directory.CreateDirectory(workDirectory);
        return await snapshots.TimeOffsetsAsync(source, template, [TimeOffset.FromSeconds(time)], workDirectory, null, cancellationToken);
    }
}

/// <summary>Everything one analysis pass found.</summary>
public sealed record MediaAnalysis(
    IReadOnlyList<FrameSample> Frames,
    IReadOnlyList<AudioSample> Audio,
    IReadOnlyList<Shot> Shots,
    HeadTail HeadTail,
    IReadOnlyList<Highlight> Highlights,
    CoverChoice? Cover,
    string CommandLine,
    IReadOnlyList<string> LogTail)
{
    /// <summary>The pure part: shots, head/tail, highlights and cover from the samples.</summary>
    public static MediaAnalysis From(IReadOnlyList<FrameSample> frames, IReadOnlyList<AudioSample> audio, double duration, string commandLine = "", IReadOnlyList<string>? logTail = null)
    {
        var shots = ShotSegmenter.Segment(frames, duration);
        return new MediaAnalysis(frames, audio, shots, HeadTailDetector.Detect(frames, audio, duration), HighlightPicker.Pick(shots, frames, audio),
            CoverPicker.Pick(frames, shots), commandLine, logTail ?? []);
    }
}
