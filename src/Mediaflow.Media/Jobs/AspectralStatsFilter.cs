namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>aspectralstats=win_size=N:overlap=0</c>: frequency-domain statistics per channel in frame metadata
/// (<c>lavfi.aspectralstats.C.flatness</c> …); it re-frames its output to <paramref name="WindowSize"/> samples.
/// </summary>
public sealed record AspectralStatsFilter(int WindowSize = 4096) : Filter
{
    public override string Name => "aspectralstats";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("win_size", WindowSize), Arg("overlap", 0)];
}
