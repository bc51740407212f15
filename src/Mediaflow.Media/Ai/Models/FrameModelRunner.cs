using System.Collections.Concurrent;
using Mediaflow.Domain.Ai;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Ai.Models;

/// <summary>
/// Runs a configured model on sampled frames: one ffmpeg decode writes the frames at the model's size (RGB24,
/// <see cref="AiModelConfig.SampleRate"/> per second) to a raw file, then every frame is scored. Models are loaded once
/// per file and validated on load (<see cref="OnnxFrameModel.Load"/>).
/// </summary>
public sealed class FrameModelRunner(MediaOptions options, MediaProcessRunner runner) : IDisposable
{
    private readonly ConcurrentDictionary<(string Model, string Labels), Lazy<OnnxFrameModel>> loaded = new();

    public OnnxFrameModel Model(AiModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var lazy = loaded.GetOrAdd((config.Path, config.Labels), key => new Lazy<OnnxFrameModel>(() => OnnxFrameModel.Load(key.Model, key.Labels)));
        try
        {
            return lazy.Value;
        }
        catch (MediaFailure)
        {
            loaded.TryRemove(new KeyValuePair<(string, string), Lazy<OnnxFrameModel>>((config.Path, config.Labels), lazy));
            throw;
        }
    }

    public async Task<ModelRun> RunAsync(AiModelConfig config, string inputPath, ProbeResult probe, string workDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(probe);
        if (!probe.HasVideo)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "the input has no video stream for the model");
        }

        var model = Model(config);
        var rate = config.SampleRate is > 0 and <= 30 ? config.SampleRate : 1;
        Directory.CreateDirectory(workDirectory);
        var framesPath = Path.Combine(workDirectory, "frames.rgb");
        var (numerator, denominator) = ((long)Math.Round(rate * 1000), 1000L);
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = inputPath }],
            FilterGraph = [new(["0:v:0"], [new FpsFilter(numerator, denominator), new ScaleFilter(model.Width, model.Height), new FormatFilter("rgb24")], ["mfmv"])],
            Outputs = [new FfmpegOutput { Path = framesPath, Maps = ["[mfmv]"], Video = new VideoEncoding { Encoder = "rawvideo", PixelFormat = "rgb24" }, Muxer = new PlainMuxer("rawvideo") }],
        };
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, message, retryable, run.CommandLine, run.LogTail);
        }

        var frameBytes = model.Width * model.Height * 3;
        var frames = new List<ModelFrame>();
        await using (var stream = File.OpenRead(framesPath))
        {
            var buffer = new byte[frameBytes];
            for (var index = 0; ; index++)
            {
                var read = await stream.ReadAtLeastAsync(buffer, frameBytes, throwOnEndOfStream: false, cancellationToken);
                if (read < frameBytes)
                {
                    break;
                }

                frames.Add(new ModelFrame(Math.Round(index / rate, 3), model.Score(buffer)));
            }
        }

        return new ModelRun(model.Labels, frames, 1 / rate, config.MinScore, run.CommandLine);
    }

    public void Dispose()
    {
        foreach (var model in loaded.Values.Where(l => l.IsValueCreated))
        {
            model.Value.Dispose();
        }
    }
}
