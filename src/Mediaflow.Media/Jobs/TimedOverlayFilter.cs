namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>overlay=x=X:y=Y:format=auto[:enable=E]</c>: the second input drawn over the first at the expressions X, Y (which may
/// use <c>W</c>/<c>H</c>, the main size, and <c>w</c>/<c>h</c>, the overlay's), only while the timeline expression E holds
/// (null = always). <c>format=auto</c> keeps a 10-bit main picture 10-bit.
/// </summary>
public sealed record TimedOverlayFilter(string X, string Y, string? Enable) : Filter
{
    public override string Name => "overlay";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        yield return Arg("x", X);
        yield return Arg("y", Y);
        yield return Arg("format", "auto");
        if (Enable is not null)
        {
            yield return Arg("enable", Enable);
        }
    }

    public override bool IsExpression(string key) => key is "x" or "y" or "enable";
}
