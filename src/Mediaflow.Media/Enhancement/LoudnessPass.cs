using Mediaflow.Media.Jobs;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Enhancement;

/// <summary>
/// VolumeBalance <c>loudNorm</c> is two-pass: <see cref="MeasureJob"/> decodes the same clip through the same audio chain
/// up to <c>loudnorm=…:print_format=json</c> into the null muxer; <see cref="Complete"/> then puts the measured values into
/// the encode's <c>loudnorm</c> (linear normalisation), or drops it when the clip is silent.
/// </summary>
public sealed record LoudnessPass(FfmpegJob MeasureJob)
{
    private const string MeasuredLabel = "mfloud";

    public static LoudnessPass For(FfmpegJob job, ClipRange clip, IReadOnlyList<Filter> audioFilters)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(audioFilters);
        var loudnorm = audioFilters.OfType<LoudnormFilter>().First();
        List<Filter> filters = [.. audioFilters.TakeWhile(f => f is not LoudnormFilter), loudnorm with { PrintJson = true, Measured = null }];
        return new LoudnessPass(new FfmpegJob
        {
            Inputs = [job.Inputs[0]],
            FilterGraph = [new(["0:a:0"], filters, [MeasuredLabel])],
            Outputs = [new FfmpegOutput { Path = "/dev/null", Maps = [$"[{MeasuredLabel}]"], Audio = new AudioEncoding { Encoder = "pcm_f32le" }, Muxer = new PlainMuxer("null") }],
            MaxPixels = job.MaxPixels,
            Threads = job.Threads,
        });
    }

    /// <summary>The encode with the measured loudnorm; without loudnorm when <paramref name="measured"/> is null (silence).</summary>
    public static FfmpegJob Complete(FfmpegJob job, LoudnessMeasurement? measured)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job with
        {
            FilterGraph = [.. job.FilterGraph.Select(chain => chain with
            {
                Filters = [.. chain.Filters
                    .Where(f => f is not LoudnormFilter || measured is not null)
                    .Select(f => f is LoudnormFilter l ? l with { Measured = measured } : f)],
            })],
        };
    }
}
