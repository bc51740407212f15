namespace Mediaflow.Media.Jobs;

/// <summary><c>asetnsamples=n=N:p=0</c>: audio frames of exactly N samples (the last one shorter, not padded).</summary>
public sealed record AsetnsamplesFilter(long Samples) : Filter
{
    public override string Name => "asetnsamples";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("n", Samples), Arg("p", 0)];
}
