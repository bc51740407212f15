using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Ai.Erasing;

/// <summary>
/// Smart erase (docs/media-ai-analysis.md): finds static overlay areas on sampled frames
/// (<see cref="StaticAreaDetector"/>) and writes the input again with areas removed (<see cref="EraseGraph"/>: <c>delogo</c>, blur or
/// mosaic, each over its time range) — H.264 (CRF 18,
/// the configured x264 preset) + AAC 128 kb/s in MP4.
/// </summary>
public sealed class SmartEraser(MediaOptions options, MediaProcessRunner runner)
{
    public const int SampleWidth = 160;
    public const int SampleHeight = 90;
    public const int MaxSamples = 60;

    /// <summary>Static overlay areas in source pixels (grown by 2 px), from frames sampled at up to 2 per second (at most <see cref="MaxSamples"/>).</summary>
    public async Task<IReadOnlyList<EraseRegion>> DetectStaticAreasAsync(string inputPath, ProbeResult probe, string workDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var video = probe.Video ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "the input has no video stream to erase");
        Directory.CreateDirectory(workDirectory);
        var raw = Path.Combine(workDirectory, "erase-samples.gray");
        var rate = Math.Min(2, MaxSamples / Math.Max(probe.Duration, 0.5));
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = inputPath }],
            FilterGraph = [new(["0:v:0"], [new FpsFilter((long)Math.Round(rate * 1000), 1000), new ScaleFilter(SampleWidth, SampleHeight), new FormatFilter("gray")], ["mfes"])],
            Outputs = [new FfmpegOutput { Path = raw, Maps = ["[mfes]"], Video = new VideoEncoding { Encoder = "rawvideo", PixelFormat = "gray" }, Muxer = new PlainMuxer("rawvideo") }],
        };
        await RunAsync(job, probe.Duration, null, cancellationToken);
        var bytes = await File.ReadAllBytesAsync(raw, cancellationToken);
        var frameSize = SampleWidth * SampleHeight;
        var frames = Enumerable.Range(0, bytes.Length / frameSize).Select(i => bytes.AsSpan(i * frameSize, frameSize).ToArray()).ToList();
        return [.. StaticAreaDetector.Detect(frames, SampleWidth, SampleHeight)
            .Select(r => StaticAreaDetector.Scale(r, video.Width / (double)SampleWidth, video.Height / (double)SampleHeight, 2))];
    }

    /// <summary>Writes <paramref name="outputPath"/> (MP4) with every region delogo'd over the whole video; regions are clamped into the frame.</summary>
    public Task<string> EraseAsync(string inputPath, ProbeResult probe, IReadOnlyList<EraseRegion> regions, string outputPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return EraseAsync(inputPath, probe, [.. regions.Select(r => new TimedErase(r, 0, null, EraseFill.Delogo, "watermark", Detected: true))], outputPath, progress, cancellationToken);
    }

    /// <summary>Writes <paramref name="outputPath"/> (MP4) with every area removed over its time range (<see cref="EraseGraph"/>).</summary>
    public async Task<string> EraseAsync(string inputPath, ProbeResult probe, IReadOnlyList<TimedErase> erases, string outputPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(erases);
        var video = probe.Video ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "the input has no video stream to erase");
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = inputPath }],
            FilterGraph = EraseGraph.Build("0:v:0", "mfev", erases, video.Width, video.Height, probe.Duration),
            Outputs =
            [
                new FfmpegOutput
                {
                    Path = outputPath,
                    Maps = probe.HasAudio ? ["[mfev]", "0:a:0"] : ["[mfev]"],
                    Video = new VideoEncoding { Encoder = "libx264", Preset = options.X264Preset, Crf = 18 },
                    Audio = probe.HasAudio ? new AudioEncoding { Encoder = "aac", Bitrate = 128_000 } : null,
                    Muxer = new Mp4Muxer(),
                },
            ],
            Threads = options.Threads,
        };
        return await RunAsync(job, probe.Duration, progress, cancellationToken);
    }

    private async Task<string> RunAsync(FfmpegJob job, double duration, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var expected = TimeSpan.FromSeconds(Math.Max(duration, 0.001));
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnProgress = block => progress?.Report(Math.Min(99, block.PercentOf(expected))),
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
