using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.QualityControl.Format;

public sealed partial class FormatInspector
{
    /// <summary>
    /// The NAL unit types of the parameter sets: H.264 SPS (7) and PPS (8); HEVC VPS (32), SPS (33) and PPS (34).
    /// Null for a codec whose parameter sets we do not trace.
    /// </summary>
    internal static string? ParameterSetTypes(string codec) => codec switch
    {
        "h264" => "7-8",
        "hevc" => "32-34",
        _ => null,
    };

    /// <summary>
    /// The pass behind ParameterSetsChanged: the first video stream copied (no decode) through <c>filter_units</c>, which
    /// keeps only the parameter-set NAL units, and <c>trace_headers</c>, which logs their syntax elements with each
    /// packet's timestamp; <see cref="ParameterSetTrace"/> reads that log. ffprobe exposes no in-band parameter set, and
    /// this pass reads packets only, so it is cheap beside the decode of the main pass. Returns the command line.
    /// </summary>
    private async Task<string> ParameterSetPassAsync(string path, string nalTypes, ParameterSetTrace trace, CancellationToken cancellationToken)
    {
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = path, FormatWhitelist = options.SourceFormats }],
            Outputs =
            [
                new FfmpegOutput
                {
                    Path = "/dev/null",
                    Maps = ["0:v:0"],
                    VideoCopy = new StreamCopy(["filter_units=pass_types=" + nalTypes, "trace_headers"]),
                    Muxer = new PlainMuxer("null"),
                },
            ],
            MaxPixels = options.MaxPixels,
            CopyTimestamps = true,
        };
        var run = await runner.RunAsync(
            new ProcessRunRequest
            {
                Program = options.FfmpegPath,
                Arguments = FfmpegArgumentRenderer.Render(job),
                StandardOutputIsProgress = true,
                NoProgressTimeout = options.NoProgressTimeout,
                OnStandardErrorLine = trace.Feed,
            },
            cancellationToken);
        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, run.LogTail);
            throw new MediaFailure(code, $"The parameter-set pass of the format diagnosis failed: {message}", retryable, run.CommandLine, run.LogTail);
        }

        trace.Complete();
        return run.CommandLine;
    }
}
