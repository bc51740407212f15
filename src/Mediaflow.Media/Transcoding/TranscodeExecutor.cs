using System.Security.Cryptography;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Media;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Processes;

namespace Mediaflow.Media.Transcoding;

/// <summary>
/// Runs one transcode node: validate the template, plan the ffmpeg job, run it with progress and the watchdog,
/// finish HLS naming, then measure the real output with ffprobe and hash the main file.
/// Failures are <see cref="MediaFailure"/>; cancellation is <see cref="OperationCanceledException"/> after ffmpeg is gone.
/// </summary>
public sealed class TranscodeExecutor(MediaProcessRunner runner, MediaProber prober, MediaOptions options)
{
    public async Task<TranscodeResult> TranscodeAsync(TranscodeRequest request, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            TranscodeTemplateRules.Validate(request.Template);
        }
        catch (ApiException e)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"{e.Code}: {e.Message}");
        }

        var plan = TranscodePlanner.Plan(request, options);
        if (plan.Loudness is not null)
        {
            plan = await new Enhancement.LoudnessMeasurer(runner, options).MeasureAsync(plan, progress, cancellationToken);
            progress = Enhancement.LoudnessMeasurer.Remaining(progress);
        }

        var arguments = FfmpegArgumentRenderer.Render(plan.Job);
        var expected = TimeSpan.FromSeconds(plan.Clip.Duration);
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = arguments,
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnProgress = block => progress?.Report(block.PercentOf(expected)),
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, message, retryable, run.CommandLine, run.LogTail);
        }

        var result = await FinishAsync(request, plan, run, cancellationToken);
        progress?.Report(100);
        return result;
    }

    /// <summary>
    /// The transcode as a plan that has not run (for sibling fusion): the job, the clip's seconds, and the same finish
    /// (HLS naming, ffprobe of the output, MD5) as <see cref="TranscodeAsync"/>. Throws <see cref="MediaFailure"/> for a
    /// template or source the transcode refuses. Null when the transcode needs a loudness measure pass first: it then
    /// runs alone.
    /// </summary>
    public MediaPlan<TranscodeResult>? Plan(TranscodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            TranscodeTemplateRules.Validate(request.Template);
        }
        catch (ApiException e)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"{e.Code}: {e.Message}");
        }

        var plan = TranscodePlanner.Plan(request, options);
        if (plan.Loudness is not null)
        {
            return null;
        }

        return new MediaPlan<TranscodeResult>(plan.Job, plan.Clip.Duration, (member, ct) => FinishAsync(request, plan, member.Run, ct));
    }

    private async Task<TranscodeResult> FinishAsync(TranscodeRequest request, TranscodePlan plan, ProcessRunResult run, CancellationToken cancellationToken)
    {
        if (!File.Exists(plan.MainPath) || new FileInfo(plan.MainPath).Length == 0)
        {
            throw MediaFailure.Internal("ffmpeg exited 0 but wrote no output", run.CommandLine, run.LogTail);
        }

        var files = CollectFiles(plan, run);
        // The checksum is read while ffprobe runs: both only read the finished file. WhenAll observes both; a probe
        // failure comes first.
        var checksum = Task.Run(() => Md5Async(plan.MainPath, cancellationToken), cancellationToken);
        var probing = prober.ProbeOutputAsync(plan.MainPath, cancellationToken);
        try
        {
            await Task.WhenAll(probing, checksum);
        }
        catch (MediaFailure e) when (e.ErrCodeExt != MediaErrorCodes.InternalError)
        {
            throw MediaFailure.Internal($"the written output cannot be read back: {e.Message}", run.CommandLine, run.LogTail, e);
        }

        var measured = await probing;
        var md5 = await checksum;
        return new TranscodeResult
        {
            Item = Measure(request.Template, plan, measured, files, md5),
            Files = files,
            Output = measured,
            CommandLine = run.CommandLine,
            LogTail = run.LogTail,
        };
    }

    private static List<ProducedFile> CollectFiles(TranscodePlan plan, ProcessRunResult run)
    {
        var paths = new List<string> { plan.MainPath };
        if (plan.Hls is { } hls)
        {
            try
            {
                var directory = Path.GetDirectoryName(plan.MainPath)!;
                if (hls.InitFileName is { } init)
                {
                    paths.Add(Path.Combine(directory, init));
                }

                if (hls.SingleFileName is { } single)
                {
                    paths.Add(Path.Combine(directory, single));
                }
                else
                {
                    paths.AddRange(HlsPlaylist.Finalize(plan.MainPath, hls));
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
            {
                throw MediaFailure.Internal($"finishing the HLS output failed: {e.Message}", run.CommandLine, run.LogTail, e);
            }
        }

        return [.. paths.Select((p, i) =>
        {
            var name = Path.GetFileName(p);
            return new ProducedFile(p, name, ContentTypes.ForFileName(name), new FileInfo(p).Length, IsMain: i == 0);
        })];
    }

    /// <summary>
    /// The wire facts, all measured: size = every file written (playlist + init + segments for HLS); bitrate = ffprobe's
    /// format bit rate, or for HLS total bytes × 8 / duration; size and streams of the first video/audio stream.
    /// </summary>
    private static MediaTranscodeItem Measure(TranscodeTemplate template, TranscodePlan plan, ProbeResult measured, List<ProducedFile> files, string md5)
    {
        var size = files.Sum(f => f.Size);
        var bitrate = plan.Hls is null ? measured.Bitrate : measured.Duration > 0 ? (long)Math.Round(size * 8 / measured.Duration) : 0;
        return new MediaTranscodeItem
        {
            Definition = template.Definition,
            Bitrate = bitrate,
            Width = measured.Video?.Width ?? 0,
            Height = measured.Video?.Height ?? 0,
            Size = size,
            Duration = Math.Round(measured.Duration, 3),
            Container = measured.Container,
            Md5 = md5,
            VideoStreamSet = [.. measured.VideoStreams.Select(ProbeResult.ToWire)],
            AudioStreamSet = [.. measured.AudioStreams.Select(ProbeResult.ToWire)],
        };
    }

    private static async Task<string> Md5Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await MD5.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }
}
