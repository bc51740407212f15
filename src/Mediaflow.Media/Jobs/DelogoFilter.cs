namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>delogo=x=X:y=Y:w=W:h=H[:enable=E]</c>: fills the rectangle by interpolating from the pixels around it (which must
/// lie inside the frame), only while the timeline expression E holds (null = always).
/// </summary>
public sealed record DelogoFilter(long X, long Y, long Width, long Height, string? Enable = null) : Filter
{
    public override string Name => "delogo";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        yield return Arg("x", X);
        yield return Arg("y", Y);
        yield return Arg("w", Width);
        yield return Arg("h", Height);
        if (Enable is not null)
        {
            yield return Arg("enable", Enable);
        }
    }

    public override bool IsExpression(string key) => key == "enable";
}
