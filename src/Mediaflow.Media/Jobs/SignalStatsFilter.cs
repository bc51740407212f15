namespace Mediaflow.Media.Jobs;

/// <summary><c>signalstats</c>: per-frame Y/U/V minimum, 10th/90th percentile, mean, maximum and difference to the previous frame in frame metadata (<c>lavfi.signalstats.YAVG</c>, <c>YDIF</c> …).</summary>
public sealed record SignalStatsFilter : Filter
{
    public override string Name => "signalstats";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
