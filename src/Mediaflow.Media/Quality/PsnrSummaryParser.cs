using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.Quality;

/// <summary>
/// Pure: the summary line the <c>psnr</c> filter logs when it closes, e.g.
/// <c>[Parsed_psnr_8 @ 0x…] PSNR y:21.338550 u:21.733256 v:17.500119 average:20.467081 min:20.112487 max:21.017026</c>
/// (identical inputs print <c>inf</c>).
/// </summary>
public static partial class PsnrSummaryParser
{
    public static PsnrSummary? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = SummaryLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        double Value(string group) => match.Groups[group].Value == "inf"
            ? double.PositiveInfinity
            : double.Parse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new PsnrSummary(Value("y"), Value("u"), Value("v"), Value("average"), Value("min"), Value("max"));
    }

    /// <summary>The last summary among <paramref name="lines"/>, or null.</summary>
    public static PsnrSummary? ParseLast(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Select(Parse).LastOrDefault(s => s is not null);
    }

    [GeneratedRegex(@"\] PSNR y:(?<y>inf|[0-9.]+) u:(?<u>inf|[0-9.]+) v:(?<v>inf|[0-9.]+) average:(?<average>inf|[0-9.]+) min:(?<min>inf|[0-9.]+) max:(?<max>inf|[0-9.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLine();
}
