namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>astats=metadata=1:reset=1:measure_perchannel=RMS_level+Peak_level:measure_overall=none</c>: each audio frame's
/// RMS and peak level (dBFS) as frame metadata (<c>lavfi.astats.1.RMS_level</c>).
/// </summary>
public sealed record AstatsFilter : Filter
{
    public override string Name => "astats";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("metadata", 1), Arg("reset", 1), Arg("measure_perchannel", "RMS_level+Peak_level"), Arg("measure_overall", "none")];
}
