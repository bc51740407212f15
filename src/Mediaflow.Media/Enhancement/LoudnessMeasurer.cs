using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Enhancement;

/// <summary>Runs a plan's <see cref="LoudnessPass"/> and returns the plan with the measured encode.</summary>
public sealed class LoudnessMeasurer(MediaProcessRunner runner, MediaOptions options)
{
    /// <summary>Share of a node's progress given to the measure pass (it decodes audio only, so it is quick).</summary>
    public const double ProgressShare = 10;

    /// <summary>The encode's progress after the measure pass: 0–100 of the encode → <see cref="ProgressShare"/>–100.</summary>
    public static IProgress<double>? Remaining(IProgress<double>? progress) =>
        progress is null ? null : new Shifted(progress);

    public async Task<TranscodePlan> MeasureAsync(TranscodePlan plan, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Loudness is not { } pass)
        {
            return plan;
        }

        var expected = TimeSpan.FromSeconds(plan.Clip.Duration);
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(pass.MeasureJob),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnProgress = block => progress?.Report(block.PercentOf(expected) * ProgressShare / 100),
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, $"loudness measure pass: {message}", retryable, run.CommandLine, run.LogTail);
        }

        LoudnessMeasurement? measured;
        try
        {
            measured = LoudnormLogParser.Parse(run.LogTail);
        }
        catch (FormatException e)
        {
            throw MediaFailure.Internal($"the loudness measure pass printed no statistics: {e.Message}", run.CommandLine, run.LogTail);
        }

        return plan with { Job = LoudnessPass.Complete(plan.Job, measured), Loudness = null };
    }

    private sealed class Shifted(IProgress<double> inner) : IProgress<double>
    {
        public void Report(double value) => inner.Report(ProgressShare + (value * (100 - ProgressShare) / 100));
    }
}
