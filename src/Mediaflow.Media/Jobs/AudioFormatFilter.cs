namespace Mediaflow.Media.Jobs;

/// <summary><c>aformat=sample_fmts=fltp:sample_rates=R:channel_layouts=L</c>: one sample format, rate and layout (concat needs them equal).</summary>
public sealed record AudioFormatFilter(long SampleRate, string ChannelLayout) : Filter
{
    public override string Name => "aformat";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("sample_fmts", "fltp"), Arg("sample_rates", SampleRate), Arg("channel_layouts", ChannelLayout)];
}
