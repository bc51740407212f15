namespace Mediaflow.Media.Jobs;

/// <summary><c>scale=w=W:h=H</c>: resize to exactly W×H.</summary>
public sealed record ScaleFilter(long Width, long Height) : Filter
{
    public override string Name => "scale";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("w", Width), Arg("h", Height)];
}
