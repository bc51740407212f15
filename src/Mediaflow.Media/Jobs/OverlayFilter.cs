namespace Mediaflow.Media.Jobs;

/// <summary><c>overlay=x=X:y=Y</c>: the second input drawn over the first at (X, Y).</summary>
public sealed record OverlayFilter(long X, long Y) : Filter
{
    public override string Name => "overlay";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("x", X), Arg("y", Y)];
}
