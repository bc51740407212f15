namespace Mediaflow.Media.Jobs;

/// <summary><c>pad=w=W:h=H:x=X:y=Y:color=C</c>: place the picture on a W×H canvas.</summary>
public sealed record PadFilter(long Width, long Height, long X, long Y, string Color = "black") : Filter
{
    public override string Name => "pad";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("w", Width), Arg("h", Height), Arg("x", X), Arg("y", Y), Arg("color", Color)];
}
