using System.Globalization;
using System.Text.Json;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Enhancement;

/// <summary>
/// Pure: the log of a <c>loudnorm=…:print_format=json</c> measure pass → its <see cref="LoudnessMeasurement"/>. The last
/// <c>{…}</c> block after a <c>[Parsed_loudnorm</c> line is read; values are JSON strings (<c>"-41.75"</c>, <c>"-inf"</c>).
/// </summary>
public static class LoudnormLogParser
{
    /// <summary>
    /// The measurement, or null when the input has no measurable loudness (silence: <c>input_i</c> is <c>-inf</c>),
    /// so there is nothing to normalise. Throws <see cref="FormatException"/> when the log holds no statistics block.
    /// </summary>
    public static LoudnessMeasurement? Parse(IReadOnlyList<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var header = FindLastIndex(log, l => l.Contains("[Parsed_loudnorm", StringComparison.Ordinal));
        var open = header < 0 ? -1 : FindIndex(log, header + 1, l => l.Trim() == "{");
        var close = open < 0 ? -1 : FindIndex(log, open + 1, l => l.Trim() == "}");
        if (close < 0)
        {
            throw new FormatException("The log holds no loudnorm statistics block.");
        }

        using var json = JsonDocument.Parse(string.Join('\n', log.Skip(open).Take(close - open + 1)));
        var root = json.RootElement;
        var measurement = new LoudnessMeasurement(
            Number(root, "input_i"), Number(root, "input_tp"), Number(root, "input_lra"), Number(root, "input_thresh"), Number(root, "target_offset"));
        return double.IsFinite(measurement.InputIntegrated) && double.IsFinite(measurement.InputTruePeak) && double.IsFinite(measurement.TargetOffset)
            ? measurement
            : null;
    }

    private static double Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"The loudnorm statistics have no {name}.");
        }

        return value.GetString() switch
        {
            "-inf" => double.NegativeInfinity,
            "inf" => double.PositiveInfinity,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            var text => throw new FormatException($"loudnorm {name} '{text}' is not a number."),
        };
    }

    private static int FindLastIndex(IReadOnlyList<string> lines, Func<string, bool> match)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (match(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindIndex(IReadOnlyList<string> lines, int start, Func<string, bool> match)
    {
        for (var i = start; i < lines.Count; i++)
        {
            if (match(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
