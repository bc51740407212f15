using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.QualityControl.Format;

public sealed partial class FormatInspector
{
    /// <summary>
    /// The audio decode pass behind AudioSampleRateChanged/AudioChannelsChanged: ffprobe 5.1 prints no audio frame's
    /// sample rate, and after a mid-stream change its timestamps are still interpolated at the old rate, so the first
    /// audio stream is decoded by ffmpeg through <c>ashowinfo</c>, which logs what the decoder produced. Audio-only
    /// decoding is cheap beside the video decode of the main pass. Returns the command line.
    /// </summary>
    /// <param name="phase">With a value, <c>aphasemeter</c> also looks for out-of-phase stereo (AudioOutOfPhase) with these settings.</param>
    private async Task<string> AudioPassAsync(string path, AphasemeterFilter? phase, Action<AudioFrameFormat> onFormat, Action<double> onOutOfPhase, CancellationToken cancellationToken)
    {
        const string shown = "mfqa";
        List<Filter> filters = [new AshowinfoFilter()];
        if (phase is not null)
        {
            filters.Add(phase);
        }

        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = path, FormatWhitelist = options.SourceFormats }],
            FilterGraph = [new(["0:a:0"], filters, [shown])],
            Outputs = [new FfmpegOutput { Path = "/dev/null", Maps = [$"[{shown}]"], Audio = new AudioEncoding { Encoder = "pcm_s16le" }, Muxer = new PlainMuxer("null") }],
            MaxPixels = options.MaxPixels,
        };
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnStandardErrorLine = line =>
                {
                    if (AshowinfoParser.Parse(line) is { } format)
                    {
                        onFormat(format);
                    }
                    else if (AphasemeterParser.OutOfPhaseStart(line) is { } start)
                    {
                        onOutOfPhase(start);
                    }
                },
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, $"The audio decode pass of the format diagnosis failed: {message}", retryable, run.CommandLine, run.LogTail);
        }

        return run.CommandLine;
    }
}
