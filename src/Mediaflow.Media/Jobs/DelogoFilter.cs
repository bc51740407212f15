namespace Mediaflow.Media.Jobs;

/// <summary><c>delogo=x=X:y=Y:w=W:h=H</c>: fills the rectangle by interpolating from the pixels around it (which must lie inside the frame).</summary>
public sealed record DelogoFilter(long X, long Y, long Width, long Height) : Filter
{
    public override string Name => "delogo";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("x", X), Arg("y", Y), Arg("w", Width), Arg("h", Height)];
}
