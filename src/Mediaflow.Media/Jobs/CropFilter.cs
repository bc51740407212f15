namespace Mediaflow.Media.Jobs;

/// <summary><c>crop=w=W:h=H:x=X:y=Y</c>.</summary>
public sealed record CropFilter(long Width, long Height, long X, long Y) : Filter
{
    public override string Name => "crop";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("w", Width), Arg("h", Height), Arg("x", X), Arg("y", Y)];
}
