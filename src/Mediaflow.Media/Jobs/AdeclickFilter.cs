namespace Mediaflow.Media.Jobs;

/// <summary><c>adeclick</c> with its defaults: removes impulsive noise (clicks, crackle).</summary>
public sealed record AdeclickFilter : Filter
{
    public override string Name => "adeclick";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
