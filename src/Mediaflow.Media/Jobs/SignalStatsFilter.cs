namespace Mediaflow.Media.Jobs;

/// <summary><c>signalstats</c>: per-frame luma/chroma statistics as frame metadata (<c>lavfi.signalstats.YAVG</c>, <c>YDIF</c> …).</summary>
public sealed record SignalStatsFilter : Filter
{
    public override string Name => "signalstats";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
