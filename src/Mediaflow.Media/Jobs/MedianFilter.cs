namespace Mediaflow.Media.Jobs;

/// <summary><c>median=radius=R</c>: spatial median of each plane over a (2R+1)² window.</summary>
public sealed record MedianFilter(int Radius = 1) : Filter
{
    public override string Name => "median";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("radius", Radius)];
}
