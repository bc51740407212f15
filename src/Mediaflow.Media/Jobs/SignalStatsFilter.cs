namespace Mediaflow.Media.Jobs;

/// <summary><c>signalstats</c>: per-frame Y/U/V minimum, 10th/90th percentile, mean and maximum in frame metadata (<c>lavfi.signalstats.*</c>).</summary>
public sealed record SignalStatsFilter : Filter
{
    public override string Name => "signalstats";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
