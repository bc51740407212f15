namespace Mediaflow.Media.Jobs;

/// <summary><c>cas=strength=S</c>: contrast-adaptive sharpening, S 0..1.</summary>
public sealed record CasFilter(double Strength) : Filter
{
    public override string Name => "cas";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("strength", FilterNumbers.Format(Strength))];
}
