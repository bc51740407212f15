using System.Globalization;

namespace Mediaflow.Media.Watermarks;

/// <summary>
/// The time window of a watermark or mosaic on an output of <c>duration</c> seconds (reference/mps-api.md §10):
/// start 0/absent = from the beginning, n &gt; 0 from n s, −n = n s before the end; end 0/absent = to the end, n &gt; 0
/// until n s, −n = until n s before the end. Rendered as the timeline expression <c>enable=</c>.
/// </summary>
public static class WatermarkWindow
{
    /// <summary>
    /// The <c>enable</c> expression, or null when the window is the whole output. <paramref name="shift"/> is the
    /// output time of the graph's <c>t = 0</c> (a screenshot read after an input seek): the window moves by it.
    /// </summary>
    public static string? Enable(double start, double end, double duration, double shift = 0)
    {
        var from = start < 0 ? Math.Max(0, duration + start) : start;
        double? to = end switch
        {
            > 0 => end,
            < 0 => Math.Max(0, duration + end),
            _ => null,
        };
        if (from <= 0 && to is null)
        {
            return null;
        }

        var a = Number(from - shift);
        return to is { } until ? $"between(t,{a},{Number(until - shift)})" : $"gte(t,{a})";
    }

    private static string Number(double seconds) => Math.Round(seconds, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
