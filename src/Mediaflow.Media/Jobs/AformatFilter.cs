namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>aformat=sample_rates=R</c>: audio at R Hz (ffmpeg inserts the resampler). Preferred to <c>aresample</c> after
/// <c>loudnorm</c>, where an explicit aresample cannot negotiate a channel layout on ffmpeg 5.1.
/// </summary>
public sealed record AformatFilter(long SampleRate) : Filter
{
    public override string Name => "aformat";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("sample_rates", SampleRate)];
}
