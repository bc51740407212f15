using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.Snapshots;

/// <summary>
/// Reads the frame lines of ffmpeg's <c>showinfo</c> filter from stderr, e.g.
/// <c>[Parsed_showinfo_2 @ 0x55…] n:   3 pts:     38 pts_time:1.52    pos: …</c>. Pure; other lines are skipped.
/// </summary>
public static partial class ShowInfoParser
{
    [GeneratedRegex(@"^\[Parsed_showinfo_(\d+) @ 0x[0-9a-f]+\] n:\s*(\d+) pts:\s*(-?\d+) pts_time:(-?[0-9.eE+-]+)\s", RegexOptions.CultureInvariant)]
    private static partial Regex FrameLine();

    public static ShowInfoFrame? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = FrameLine().Match(line);
        if (!match.Success || !double.TryParse(match.Groups[4].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var time))
        {
            return null;
        }

        return new ShowInfoFrame(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            time);
    }

    public static IReadOnlyList<ShowInfoFrame> ParseAll(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Select(Parse).OfType<ShowInfoFrame>()];
    }
}

/// <summary>One frame that passed a showinfo filter: the filter's index in the parsed graph, the frame number, its time.</summary>
public sealed record ShowInfoFrame(int FilterIndex, long Number, double PtsTime);
