using Mediaflow.Media.Fusion;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Snapshots;

/// <summary>
/// Runs the image nodes (time-offset and sampled screenshots, sprite sheets, animated GIF/WebP): plans a typed ffmpeg job,
/// runs it with progress and the watchdog, and reads back which frames were written from the showinfo log, so every
/// image is reported with the time of the frame it shows. Failures are <see cref="MediaFailure"/>.
/// </summary>
public sealed partial class SnapshotExecutor(MediaProcessRunner runner, MediaOptions options)
{
    private FfmpegInput Input(SnapshotSource source, double? seek = null, double? duration = null) => new()
    {
        Path = source.Path,
        Seek = seek is { } s ? TimeSpan.FromSeconds(s) : null,
        Duration = duration is { } d ? TimeSpan.FromSeconds(d) : null,
        FormatWhitelist = options.SourceFormats,
    };

    private FfmpegJob Job(IReadOnlyList<FfmpegInput> inputs, IReadOnlyList<FilterChain> graph, IReadOnlyList<FfmpegOutput> outputs) => new()
    {
        Inputs = inputs,
        FilterGraph = graph,
        Outputs = outputs,
        MaxPixels = options.MaxPixels,
        Threads = options.Threads,
    };

    /// <summary>
    /// Runs a job; returns the frames its showinfo filters logged, with the process result. <paramref name="onFrame"/>
    /// sees each logged frame as it is logged (from the stderr reader).
    /// </summary>
    private async Task<(ProcessRunResult Run, IReadOnlyList<ShowInfoFrame> Frames)> RunAsync(
        FfmpegJob job, double expectedSeconds, Action<double>? progress, CancellationToken cancellationToken, Action<ShowInfoFrame>? onFrame = null)
    {
        var frames = new List<ShowInfoFrame>();
        var gate = new Lock();
        var expected = TimeSpan.FromSeconds(expectedSeconds);
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnProgress = block => progress?.Invoke(block.PercentOf(expected)),
                OnStandardErrorLine = line =>
                {
                    if (ShowInfoParser.Parse(line) is { } frame)
                    {
                        lock (gate)
                        {
                            frames.Add(frame);
                        }

                        onFrame?.Invoke(frame);
                    }
                },
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, message, retryable, run.CommandLine, run.LogTail);
        }

        lock (gate)
        {
            return (run, [.. frames]);
        }
    }

    /// <summary>Runs a plan alone (the same run, finish and failures as before plans existed).</summary>
    private async Task<T> RunPlanAsync<T>(MediaPlan<T> plan, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var (run, frames) = await RunAsync(plan.Job, plan.ExpectedSeconds, p => progress?.Report(p), cancellationToken);
        return await plan.FinishAsync(new MemberRun(run, frames), cancellationToken);
    }

    /// <summary>The index ffmpeg gives the filter at (<paramref name="chain"/>, <paramref name="filter"/>) in its log prefix <c>Parsed_name_N</c>: filters are numbered across the whole graph.</summary>
    internal static int ParsedIndex(IReadOnlyList<FilterChain> graph, int chain, int filter) =>
        graph.Take(chain).Sum(c => c.Filters.Count) + filter;

    private static void RequireFile(string path, ProcessRunResult run, string what)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            throw MediaFailure.Internal($"ffmpeg exited 0 but wrote no {what}", run.CommandLine, run.LogTail);
        }
    }

    private static string Ext(string format) => format;

    private static string Local(string workDirectory, string name) => Path.Combine(Path.GetFullPath(workDirectory), name);
}
