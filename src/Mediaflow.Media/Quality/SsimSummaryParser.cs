using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.Quality;

/// <summary>
/// Pure: the summary line the <c>ssim</c> filter logs when it closes, e.g.
/// <c>[Parsed_ssim_3 @ 0x…] SSIM Y:0.675608 (4.889298) U:0.746050 (5.952525) V:0.765879 (6.305595) All:0.702394 (5.263576)</c>
/// (the bracketed numbers are dB; identical inputs print <c>(inf)</c>).
/// </summary>
public static partial class SsimSummaryParser
{
    /// <summary>The summary in <paramref name="line"/>, or null when the line is not one.</summary>
    public static SsimSummary? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = SummaryLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        double Value(string group) => double.Parse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new SsimSummary(Value("y"), Value("u"), Value("v"), Value("all"));
    }

    /// <summary>The last summary among <paramref name="lines"/> (a graph with one ssim filter logs one), or null.</summary>
    public static SsimSummary? ParseLast(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Select(Parse).LastOrDefault(s => s is not null);
    }

    [GeneratedRegex(@"\] SSIM Y:(?<y>[0-9.]+) \([^)]*\) U:(?<u>[0-9.]+) \([^)]*\) V:(?<v>[0-9.]+) \([^)]*\) All:(?<all>[0-9.]+) \([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLine();
}
