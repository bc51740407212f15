using System.Globalization;

namespace Mediaflow.Media.Ai.Analysis;

/// <summary>
/// Reads the file a <c>metadata=mode=print</c> / <c>ametadata=mode=print</c> filter writes: per frame a header
/// <c>frame:12   pts:12   pts_time:0.48</c> then <c>key=value</c> lines. Pure; <c>nan</c>/<c>inf</c> values read as
/// <see cref="double.NaN"/>/infinities, non-numeric values are skipped.
/// </summary>
public static class MetadataPrintParser
{
    public static IReadOnlyList<MetadataFrame> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var frames = new List<MetadataFrame>();
        Dictionary<string, double>? values = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("frame:", StringComparison.Ordinal))
            {
                var at = line.IndexOf("pts_time:", StringComparison.Ordinal);
                if (at < 0 || !TryNumber(line[(at + "pts_time:".Length)..].Trim(), out var time))
                {
                    values = null;
                    continue;
                }

                values = new Dictionary<string, double>(StringComparer.Ordinal);
                frames.Add(new MetadataFrame(time, values));
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (values is not null && equals > 0 && TryNumber(line[(equals + 1)..].Trim(), out var value))
            {
                values[line[..equals]] = value;
            }
        }

        return frames;
    }

    private static bool TryNumber(string text, out double value)
    {
        switch (text)
        {
            case "nan" or "-nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf":
                value = double.PositiveInfinity;
                return true;
            case "-inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}

/// <summary>One frame's printed metadata: its time in seconds and the numeric keys.</summary>
public sealed record MetadataFrame(double Time, IReadOnlyDictionary<string, double> Values)
{
    public double Get(string key) => Values.TryGetValue(key, out var value) ? value : double.NaN;
}
