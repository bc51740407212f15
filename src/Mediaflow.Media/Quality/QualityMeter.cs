using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Quality;

/// <summary>
/// Measures an output against its source with real ffmpeg: SSIM (and PSNR) of the distorted file's first video stream against the
/// reference's, the reference scaled to the distorted frame size (bicubic) and both in yuv420p. Frames are paired by
/// timestamp (the filter's frame sync), so an output with a different frame rate compares with the nearest source frames.
/// </summary>
public sealed class QualityMeter(MediaOptions options, MediaProcessRunner runner)
{
    /// <summary>
    /// SSIM and PSNR in one run: both decodes split to the <c>ssim</c> and <c>psnr</c> filters. <paramref name="start"/> and
    /// <paramref name="duration"/> restrict both inputs to one window (the same offsets in each).
    /// </summary>
    public async Task<FullReferenceScore> FullReferenceAsync(
        string distortedPath, string referencePath, long width, long height, TimeSpan? start, TimeSpan? duration, CancellationToken cancellationToken)
    {
        const string distortedForSsim = "mfqd1", distortedForPsnr = "mfqd2", referenceForSsim = "mfqr1", referenceForPsnr = "mfqr2", ssim = "mfqs", psnr = "mfqp";
        var job = new FfmpegJob
        {
            Inputs =
            [
                new FfmpegInput { Path = distortedPath, Seek = start, Duration = duration },
                new FfmpegInput { Path = referencePath, Seek = start, Duration = duration },
            ],
            FilterGraph =
            [
                new(["0:v:0"], [new SetSarFilter(), new FormatFilter("yuv420p"), new SplitFilter(2)], [distortedForSsim, distortedForPsnr]),
                new(["1:v:0"], [new ScaleFilter(width, height), new SetSarFilter(), new FormatFilter("yuv420p"), new SplitFilter(2)], [referenceForSsim, referenceForPsnr]),
                new([distortedForSsim, referenceForSsim], [new SsimFilter()], [ssim]),
                new([distortedForPsnr, referenceForPsnr], [new PsnrFilter()], [psnr]),
            ],
            Outputs = [NullSink(ssim), NullSink(psnr)],
        };
        var (lines, commandLine) = await RunAsync(job, cancellationToken);
        var ssimSummary = SsimSummaryParser.ParseLast(lines);
        var psnrSummary = PsnrSummaryParser.ParseLast(lines);
        if (ssimSummary is null || psnrSummary is null)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, "ffmpeg's ssim/psnr filters printed no summary (no frames compared).", commandLine);
        }

        return new FullReferenceScore(ssimSummary, psnrSummary, commandLine);
    }

    private static FfmpegOutput NullSink(string label) =>
        new() { Path = "/dev/null", Maps = [$"[{label}]"], Video = new VideoEncoding { Encoder = "wrapped_avframe" }, Muxer = new PlainMuxer("null") };

    private async Task<(List<string> Lines, string CommandLine)> RunAsync(FfmpegJob job, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var gate = new Lock();
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnStandardErrorLine = line =>
                {
                    lock (gate)
                    {
                        lines.Add(line);
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
            return ([.. lines], run.CommandLine);
        }
    }

    public async Task<SsimSummary> SsimAsync(string distortedPath, string referencePath, long width, long height, CancellationToken cancellationToken)
    {
        const string distorted = "mfqd", reference = "mfqr", scored = "mfqs";
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = distortedPath }, new FfmpegInput { Path = referencePath }],
            FilterGraph =
            [
                new(["0:v:0"], [new SetSarFilter(), new FormatFilter("yuv420p")], [distorted]),
                new(["1:v:0"], [new ScaleFilter(width, height), new SetSarFilter(), new FormatFilter("yuv420p")], [reference]),
                new([distorted, reference], [new SsimFilter()], [scored]),
            ],
            Outputs = [NullSink(scored)],
        };
        var (lines, _) = await RunAsync(job, cancellationToken);
        return SsimSummaryParser.ParseLast(lines)
            ?? throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, "ffmpeg's ssim filter printed no summary (no frames compared).");
    }
}
