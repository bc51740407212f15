namespace Mediaflow.Media.QualityControl;

public static partial class ContentAnalysis
{
    /// <summary>
    /// <c>Freeze</c>: freezedetect's freeze ranges (it runs with d ≥ two sampling steps, see <see cref="ContentGraph"/>),
    /// minus the solid-colour pictures, kept when at least MinDuration long.
    /// </summary>
    private static IEnumerable<QcFinding> Freezes(ContentMeasurements m, IReadOnlyDictionary<string, ItemSettings> items, IReadOnlyList<double> times, Func<int, bool> solid)
    {
        if (!items.TryGetValue("Freeze", out var item))
        {
            return [];
        }

        var video = m.Video;
        var last = video[^1].Time + m.VideoStep;
        var end = m.Duration > 0 ? Math.Min(last, m.Duration) : last;
        var freezes = new List<(double, double)>();
        double? open = null;
        foreach (var sample in video)
        {
            // A freeze exactly d long is reported whole on one picture: start and end together.
            if (sample is { FreezeStart: { } whole, FreezeEnd: { } wholeEnd } && wholeEnd >= whole && (open is null || open == whole))
            {
                freezes.Add((whole, wholeEnd));
                open = null;
                continue;
            }

            if (sample.FreezeEnd is { } stop && open is { } from)
            {
                freezes.Add((from, stop));
                open = null;
            }

            if (sample.FreezeStart is { } start)
            {
                open = start;
            }
        }

        if (open is { } still)
        {
            freezes.Add((still, end));
        }

        var holes = SampleRun.Find(times, _ => m.VideoStep, solid, 0, 0, end).Select(r => (r.Start, r.End)).ToList();
        return SampleRun.Subtract(freezes, holes)
            .Where(p => p.End - p.Start + 1e-6 >= item.MinDuration)
            .Select(p => new QcFinding("Freeze", Math.Round(p.Start, 3), Math.Round(p.End, 3), 100));
    }
}
