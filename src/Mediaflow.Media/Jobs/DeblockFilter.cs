namespace Mediaflow.Media.Jobs;

/// <summary><c>deblock=filter=weak|strong:block=8</c>: smooths 8×8 block edges of a lossy source.</summary>
public sealed record DeblockFilter(bool Strong) : Filter
{
    public override string Name => "deblock";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("filter", Strong ? "strong" : "weak"), Arg("block", 8)];
}
