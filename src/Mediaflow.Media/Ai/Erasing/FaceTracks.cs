namespace Mediaflow.Media.Ai.Erasing;

/// <summary>
/// Pure: faces found on frames sampled every <c>step</c> seconds joined into tracks — a face on frame i continues a track
/// whose last face was on frame i−1 and overlaps it — each erased over the union of its boxes grown by
/// <see cref="GrowShare"/> of their size on each side, from one step before its first frame to one step after its last
/// (a face may have appeared just after the previous sample and left just before the next), clamped to the duration.
/// </summary>
public static class FaceTracks
{
    public const double GrowShare = 0.2;

    /// <param name="hits">(frame index, face box in source pixels).</param>
    public static IReadOnlyList<TimedErase> Build(IReadOnlyList<(int Frame, EraseRegion Box)> hits, double step, double duration, EraseFill fill)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var tracks = new List<(int First, int Last, List<EraseRegion> Boxes)>();
        foreach (var group in hits.GroupBy(h => h.Frame).OrderBy(g => g.Key))
        {
            foreach (var (frame, box) in group)
            {
                var index = tracks.FindIndex(t => t.Last == frame - 1 && SubtitleAreas.Touches(t.Boxes[^1], box));
                if (index >= 0)
                {
                    var track = tracks[index];
                    track.Boxes.Add(box);
                    tracks[index] = track with { Last = frame };
                }
                else
                {
                    tracks.Add((frame, frame, [box]));
                }
            }
        }

        return [.. tracks.Select(t =>
        {
            var x0 = t.Boxes.Min(b => b.X - (long)(b.Width * GrowShare));
            var y0 = t.Boxes.Min(b => b.Y - (long)(b.Height * GrowShare));
            var x1 = t.Boxes.Max(b => b.X + b.Width + (long)(b.Width * GrowShare));
            var y1 = t.Boxes.Max(b => b.Y + b.Height + (long)(b.Height * GrowShare));
            var end = (t.Last + 1) * step;
            return new TimedErase(new EraseRegion(x0, y0, x1 - x0, y1 - y0), Math.Round(Math.Max(0, (t.First - 1) * step), 3),
                Math.Round(duration > 0 ? Math.Min(end, duration) : end, 3), fill, "face", Detected: true);
        })];
    }
}
