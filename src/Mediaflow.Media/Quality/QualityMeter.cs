using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Quality;

/// <summary>
/// Measures an output against its source with real ffmpeg: SSIM of the distorted file's first video stream against the
/// reference's, the reference scaled to the distorted frame size (bicubic) and both in yuv420p. Frames are paired by
/// timestamp (the filter's frame sync), so an output with a different frame rate compares with the nearest source frames.
/// </summary>
public sealed class QualityMeter(MediaOptions options, MediaProcessRunner runner)
{
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
            Outputs = [new FfmpegOutput { Path = "/dev/null", Maps = [$"[{scored}]"], Video = new VideoEncoding { Encoder = "wrapped_avframe" }, Muxer = new PlainMuxer("null") }],
        };
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
            return SsimSummaryParser.ParseLast(lines)
                ?? throw MediaFailure.Permanent(MediaErrorCodes.ContentUnsupported, "ffmpeg's ssim filter printed no summary (no frames compared).");
        }
    }
}
