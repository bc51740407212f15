namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// Merges per-frame code hits into findings: a code (type + text) seen in consecutive sampled frames is one finding
/// from its first to its last frame, with the union of its boxes scaled from frame to source pixels. A frame without it
/// closes the range. Pure: fed in time order, then completed.
/// </summary>
public sealed class CodeTracks(double scaleX, double scaleY)
{
    private readonly Dictionary<(string Type, string Text), Open> open = [];
    private readonly List<QcFinding> closed = [];

    public void Add(double time, IReadOnlyList<CodeHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var seen = new HashSet<(string, string)>();
        foreach (var hit in hits)
        {
            var key = (hit.Type, hit.Text);
            seen.Add(key);
            open[key] = open.TryGetValue(key, out var track)
                ? track with { End = time, X1 = Math.Min(track.X1, hit.X1), Y1 = Math.Min(track.Y1, hit.Y1), X2 = Math.Max(track.X2, hit.X2), Y2 = Math.Max(track.Y2, hit.Y2) }
                : new Open(hit.Type, time, time, hit.X1, hit.Y1, hit.X2, hit.Y2);
        }

        foreach (var key in open.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            Close(open[key]);
            open.Remove(key);
        }
    }

    public IReadOnlyList<QcFinding> Complete()
    {
        foreach (var track in open.Values)
        {
            Close(track);
        }

        open.Clear();
        return [.. closed.OrderBy(f => f.StartTime).ThenBy(f => f.Type, StringComparer.Ordinal)];
    }

    private void Close(Open t) => closed.Add(new QcFinding(t.Type, Math.Round(t.Start, 3), Math.Round(t.End, 3), 100,
        [(long)Math.Floor(t.X1 * scaleX), (long)Math.Floor(t.Y1 * scaleY), (long)Math.Ceiling((t.X2 + 1) * scaleX) - 1, (long)Math.Ceiling((t.Y2 + 1) * scaleY) - 1]));

    private sealed record Open(string Type, double Start, double End, int X1, int Y1, int X2, int Y2);
}
