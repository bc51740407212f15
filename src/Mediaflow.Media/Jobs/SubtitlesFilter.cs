namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>subtitles=filename=F:si=N:force_style='…'</c>: renders subtitle stream <paramref name="StreamIndex"/> of file
/// <paramref name="Path"/> into the picture with libass; <paramref name="ForceStyle"/> holds ASS style overrides
/// (<c>FontName=…,FontSize=…,PrimaryColour=&amp;HAABBGGRR</c>), rendered single-quoted.
/// </summary>
public sealed record SubtitlesFilter(string Path, long StreamIndex, string ForceStyle) : Filter
{
    public override string Name => "subtitles";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        yield return Arg("filename", Path);
        yield return Arg("si", StreamIndex);
        if (ForceStyle.Length > 0)
        {
            yield return Arg("force_style", ForceStyle);
        }
    }

    public override bool IsQuotedText(string key) => key == "force_style";
}
