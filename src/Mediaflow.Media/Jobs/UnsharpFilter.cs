namespace Mediaflow.Media.Jobs;

/// <summary><c>unsharp=lx=5:ly=5:la=A:cx=5:cy=5:ca=0</c>: luma unsharp mask of amount A (0 = none, 1.5 = strong).</summary>
public sealed record UnsharpFilter(double LumaAmount) : Filter
{
    public override string Name => "unsharp";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("lx", 5), Arg("ly", 5), Arg("la", FilterNumbers.Format(LumaAmount)), Arg("cx", 5), Arg("cy", 5), Arg("ca", 0)];
}
