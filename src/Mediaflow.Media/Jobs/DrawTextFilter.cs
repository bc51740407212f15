namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>drawtext</c> of the text in <see cref="TextFile"/> (read verbatim: <c>expansion=none</c>, so no <c>%{…}</c>
/// sequence is expanded) with <see cref="FontFile"/> at <see cref="FontSize"/> px in <see cref="FontColor"/>
/// (<c>0xRRGGBB@alpha</c>); X and Y are expressions over <c>w</c>, <c>h</c> (frame) and <c>tw</c>, <c>th</c> (text);
/// drawn only while <see cref="Enable"/> holds (null = always). Paths are absolute and must be plain words.
/// </summary>
public sealed record DrawTextFilter(string FontFile, string TextFile, long FontSize, string FontColor, string X, string Y, string? Enable) : Filter
{
    public override string Name => "drawtext";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        yield return Arg("fontfile", FontFile);
        yield return Arg("textfile", TextFile);
        yield return Arg("expansion", "none");
        yield return Arg("fontsize", FontSize);
        yield return Arg("fontcolor", FontColor);
        yield return Arg("x", X);
        yield return Arg("y", Y);
        if (Enable is not null)
        {
            yield return Arg("enable", Enable);
        }
    }

    public override bool IsExpression(string key) => key is "x" or "y" or "enable";
}
