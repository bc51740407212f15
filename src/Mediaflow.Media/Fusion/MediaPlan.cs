using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Fusion;

/// <summary>
/// A planned media run that has not started: the ffmpeg job, the seconds of media it writes (progress is measured
/// against them), and how to turn a finished run into the node family's result. Running it alone
/// (<see cref="FusionRunner.RunAsync{T}"/>) or merged with siblings (<see cref="JobFusion"/>) gives the same result
/// type; <see cref="FinishAsync"/> throws <see cref="MediaFailure"/> when the run did not produce what was asked.
/// </summary>
public sealed record MediaPlan<T>(FfmpegJob Job, double ExpectedSeconds, Func<MemberRun, CancellationToken, Task<T>> FinishAsync)
{
    /// <summary>The same run, its result shaped further (e.g. a node's wire output from the media result).</summary>
    public MediaPlan<TNext> Then<TNext>(Func<T, CancellationToken, Task<TNext>> next) =>
        new(Job, ExpectedSeconds, async (member, cancellationToken) => await next(await FinishAsync(member, cancellationToken), cancellationToken));
}
