namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>astats=metadata=1:reset=1</c>: time-domain statistics of every frame on its own, over all channels together,
/// in frame metadata <c>lavfi.astats.Overall.*</c>; only RMS level, peak level and flat factor are measured.
/// </summary>
public sealed record AstatsFilter : Filter
{
    public override string Name => "astats";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("metadata", 1), Arg("reset", 1), Arg("measure_perchannel", "none"), Arg("measure_overall", "RMS_level+Peak_level+Flat_factor")];
}
