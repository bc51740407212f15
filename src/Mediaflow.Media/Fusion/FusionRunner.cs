using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Media.Fusion;

/// <summary>
/// Runs a (fused) job: one ffmpeg process with the shared <c>-progress</c> stream reported to each member as its own
/// percent (out_time over the member's own expected seconds) and the showinfo frames handed to the member whose
/// filter logged them. A non-zero exit is returned, not thrown, so a caller of a fused run can re-run members alone.
/// </summary>
public sealed class FusionRunner(MediaProcessRunner runner, MediaOptions options)
{
    /// <summary>One member's progress: the seconds it writes and where its percent goes.</summary>
    public sealed record Member(double ExpectedSeconds, IProgress<double>? Progress, int FilterCount);

    public async Task<(ProcessRunResult Run, IReadOnlyList<MemberRun> Members)> RunAsync(
        FusedJob job, IReadOnlyList<Member> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(members);
        var frames = new List<ShowInfoFrame>();
        var gate = new Lock();
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(job.Job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnProgress = block =>
                {
                    foreach (var member in members)
                    {
                        member.Progress?.Report(block.PercentOf(TimeSpan.FromSeconds(member.ExpectedSeconds)));
                    }
                },
                OnStandardErrorLine = line =>
                {
                    if (ShowInfoParser.Parse(line) is { } frame)
                    {
                        lock (gate)
                        {
                            frames.Add(frame);
                        }
                    }
                },
            },
            cancellationToken);
        lock (gate)
        {
            var views = members.Select((m, k) =>
            {
                var offset = job.FilterOffsets[k];
                var mine = frames.Where(f => f.FilterIndex >= offset && f.FilterIndex < offset + m.FilterCount)
                    .Select(f => f with { FilterIndex = f.FilterIndex - offset }).ToList();
                return new MemberRun(run, mine);
            }).ToList();
            return (run, views);
        }
    }

    /// <summary>Runs one plan alone: a failed ffmpeg is the <see cref="MediaFailure"/> its log classifies.</summary>
    public async Task<T> RunAsync<T>(MediaPlan<T> plan, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (run, members) = await RunAsync(FusedJob.Alone(plan.Job),
            [new Member(plan.ExpectedSeconds, progress, plan.Job.FilterGraph.Sum(c => c.Filters.Count))], cancellationToken);
        ThrowIfFailed(run);
        return await plan.FinishAsync(members[0], cancellationToken);
    }

    public static void ThrowIfFailed(ProcessRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = Transcoding.FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, message, retryable, run.CommandLine, run.LogTail);
        }
    }
}
