using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.QualityControl;

/// <summary>
/// Cuts one TimeSpotCheck window of the input to a lossless Matroska file (FFV1 video in the source's pixel format, PCM
/// audio) for the content inspectors: frame-accurate (decoded seek), pixels and samples unchanged, timestamps from 0.
/// </summary>
public sealed class SpotCheckCutter(MediaOptions options, MediaProcessRunner runner)
{
    public static FfmpegJob Job(string inputPath, ProbeResult probe, double start, double end, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = inputPath, Seek = TimeSpan.FromSeconds(start), Duration = TimeSpan.FromSeconds(end - start) }],
            Outputs =
            [
                new FfmpegOutput
                {
                    Path = outputPath,
                    Maps = [.. probe.HasVideo ? new[] { "0:v:0" } : [], .. probe.HasAudio ? new[] { "0:a:0" } : []],
                    Video = probe.Video is { } video
                        ? new VideoEncoding { Encoder = "ffv1", PixelFormat = string.IsNullOrEmpty(video.PixelFormat) ? "yuv420p" : video.PixelFormat }
                        : null,
                    Audio = probe.HasAudio ? new AudioEncoding { Encoder = "pcm_s16le" } : null,
                    Muxer = new PlainMuxer("matroska"),
                },
            ],
        };
    }

    public async Task<string> CutAsync(string inputPath, ProbeResult probe, double start, double end, string outputPath, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(Job(inputPath, probe, start, end, outputPath)),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, message, retryable, run.CommandLine, run.LogTail);
        }

        return run.CommandLine;
    }
}
