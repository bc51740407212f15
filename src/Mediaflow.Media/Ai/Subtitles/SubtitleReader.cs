using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.Ai.Subtitles;

/// <summary>
/// Pure: the cues of a SubRip (<c>.srt</c>) or WebVTT (<c>.vtt</c>) text, the inverse of <see cref="SubtitleWriter"/>.
/// A cue is a block whose timing line is <c>[HH:]MM:SS[.,]mmm --&gt; [HH:]MM:SS[.,]mmm</c> (VTT cue settings after the end
/// time are ignored); the optional cue number / identifier before it is skipped, the lines after it up to a blank line are
/// the text. Markup (<c>&lt;i&gt;</c>, <c>&lt;c.x&gt;</c>, <c>{\an8}</c>) is dropped and WebVTT's character references are
/// decoded, so <see cref="SubtitleCue.Text"/> is plain text the writer escapes again. Blocks without a timing line
/// (the WEBVTT header, NOTE, STYLE, REGION) and cues that end before they start are skipped.
/// </summary>
public static partial class SubtitleReader
{
    [GeneratedRegex(@"^\s*(?<start>(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s*-->\s*(?<end>(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})(?:\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timing();

    [GeneratedRegex(@"<[^>]*>|\{\\[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    public static IReadOnlyList<SubtitleCue> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var cues = new List<SubtitleCue>();
        for (var i = 0; i < lines.Length; i++)
        {
            var timing = Timing().Match(lines[i]);
            if (!timing.Success)
            {
                continue;
            }

            var body = new StringBuilder();
            var j = i + 1;
            for (; j < lines.Length && lines[j].Trim().Length > 0; j++)
            {
                var line = WebUtility.HtmlDecode(Markup().Replace(lines[j], "")).Trim();
                if (line.Length > 0)
                {
                    body.Append(body.Length > 0 ? "\n" : "").Append(line);
                }
            }

            var start = Seconds(timing.Groups["start"].Value);
            var end = Seconds(timing.Groups["end"].Value);
            if (end > start && body.Length > 0)
            {
                cues.Add(new SubtitleCue(start, end, body.ToString()));
            }

            i = j;
        }

        return cues;
    }

    /// <summary><c>[H:]MM:SS.mmm</c> (or with a comma) → seconds; a short fraction is of a second (<c>.5</c> = 500 ms).</summary>
    public static double Seconds(string time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var parts = time.Replace(',', '.').Split(':');
        var seconds = double.Parse(parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var minutes = int.Parse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture);
        var hours = parts.Length > 2 ? int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        return Math.Round((hours * 3600) + (minutes * 60) + seconds, 3);
    }
}
