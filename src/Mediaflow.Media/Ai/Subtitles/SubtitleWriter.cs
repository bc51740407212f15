using System.Globalization;
using System.Text;

namespace Mediaflow.Media.Ai.Subtitles;

/// <summary>
/// Writes cues as SubRip (<c>.srt</c>: numbered cues, <c>HH:MM:SS,mmm --&gt; HH:MM:SS,mmm</c>) or WebVTT (<c>.vtt</c>:
/// a <c>WEBVTT</c> header, <c>HH:MM:SS.mmm</c>); pure. Lines end with "\n"; a blank line inside a cue's text would end the
/// cue early in both formats, so empty lines are dropped, and WebVTT's reserved <c>--&gt;</c>, <c>&amp;</c>, <c>&lt;</c> are escaped.
/// </summary>
public static class SubtitleWriter
{
    public const string Srt = "srt";
    public const string Vtt = "vtt";

    public static string ContentType(string format) => format == Vtt ? "text/vtt" : "application/x-subrip";

    public static string Write(string format, IReadOnlyList<SubtitleCue> cues) => format switch
    {
        Srt => WriteSrt(cues),
        Vtt => WriteVtt(cues),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "srt or vtt"),
    };

    public static string WriteSrt(IReadOnlyList<SubtitleCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var text = new StringBuilder();
        var number = 0;
        foreach (var cue in cues)
        {
            var lines = Lines(cue.Text);
            if (lines.Count == 0)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{++number}\n{Time(cue.Start, ',')} --> {Time(cue.End, ',')}\n");
            foreach (var line in lines)
            {
                text.Append(line).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string WriteVtt(IReadOnlyList<SubtitleCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var text = new StringBuilder("WEBVTT\n\n");
        foreach (var cue in cues)
        {
            var lines = Lines(cue.Text);
            if (lines.Count == 0)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{Time(cue.Start, '.')} --> {Time(cue.End, '.')}\n");
            foreach (var line in lines)
            {
                text.Append(line.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                    .Replace("-->", "--&gt;", StringComparison.Ordinal)).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary><c>HH:MM:SS,mmm</c> (SRT) or <c>HH:MM:SS.mmm</c> (WebVTT), rounded to the millisecond, never negative.</summary>
    public static string Time(double seconds, char separator)
    {
        var ms = (long)Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}{separator}{ms % 1000:000}");
    }

    private static List<string> Lines(string text) =>
        [.. text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
