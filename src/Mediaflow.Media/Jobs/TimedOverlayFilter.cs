namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>overlay=x=X:y=Y:format=auto[:enable=E]</c>: the second input drawn over the first at the expressions X, Y (which may
/// use <c>W</c>/<c>H</c>, the main size, and <c>w</c>/<c>h</c>, the overlay's), only while the timeline expression E holds
/// (null = always). <c>format=auto</c> keeps a 10-bit main picture 10-bit. <see cref="EofAction"/> is what happens once
/// the second input ends (<c>repeat</c>, ffmpeg's default, keeps its last frame; <c>pass</c> shows the main picture alone);
/// <see cref="Shortest"/> ends the output with the shorter input (for a second input that never ends).
/// </summary>
public sealed record TimedOverlayFilter(string X, string Y, string? Enable) : Filter
{
    public override string Name => "overlay";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        yield return Arg("x", X);
        yield return Arg("y", Y);
        yield return Arg("format", "auto");
        if (EofAction is not null)
        {
            yield return Arg("eof_action", EofAction);
        }

        if (Shortest)
        {
            yield return Arg("shortest", 1);
        }

        if (Enable is not null)
        {
            yield return Arg("enable", Enable);
        }
    }

    /// <summary><c>eof_action=</c>: <c>repeat</c> or <c>pass</c>; null = ffmpeg's default (repeat).</summary>
    public string? EofAction { get; init; }

    /// <summary><c>shortest=1</c>.</summary>
    public bool Shortest { get; init; }

    public override bool IsExpression(string key) => key is "x" or "y" or "enable";
}
