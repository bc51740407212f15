using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Ai;

/// <summary>Runs the processes the AI engines need: an ffmpeg job (decode/sample/resample) and an engine CLI whose stdout is the answer.</summary>
public sealed class AiRunner(MediaOptions media, AiOptions ai, MediaProcessRunner runner)
{
    public AiOptions Options => ai;

    public async Task RunFfmpegAsync(FfmpegJob job, double expectedSeconds, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var expected = TimeSpan.FromSeconds(Math.Max(expectedSeconds, 0.001));
        var run = await runner.RunAsync(new ProcessRunRequest
        {
            Program = media.FfmpegPath,
            Arguments = FfmpegArgumentRenderer.Render(job),
            StandardOutputIsProgress = true,
            NoProgressTimeout = media.NoProgressTimeout,
            OnProgress = block => progress?.Report(block.PercentOf(expected)),
        }, cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, message, retryable, run.CommandLine, run.LogTail);
        }
    }

    /// <summary>Runs an engine CLI to exit and returns its stdout; a missing program or a non-zero exit is an internal (retryable) failure.</summary>
    public async Task<string> RunEngineAsync(string program, IReadOnlyList<string> arguments, double mediaSeconds, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(new ProcessRunRequest
        {
            Program = program,
            Arguments = arguments,
            Timeout = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(Math.Max(mediaSeconds, 0) * ai.MaxSecondsPerMediaSecond),
        }, cancellationToken);
        if (run.ExitCode != 0 || run.StandardOutputTruncated)
        {
            throw MediaFailure.Internal($"{Path.GetFileName(program)} failed (exit {run.ExitCode})", run.CommandLine, run.LogTail);
        }

        return run.StandardOutput;
    }
}
