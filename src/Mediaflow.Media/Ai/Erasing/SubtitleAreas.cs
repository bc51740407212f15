namespace Mediaflow.Media.Ai.Erasing;

/// <summary>
/// Pure: the burned-in subtitle lines to erase from what OCR read (<see cref="TextReading.FullText"/>). A line counts
/// when its box touches one of the search areas (none given: the lower half of the frame, where subtitles sit); it is
/// erased with <c>delogo</c> over its box grown by <c>pad</c> px, from one sampling step before the first frame that
/// read it (the text may have appeared just after the previous sample) to the segment's end (the last frame that read
/// it + one step).
/// </summary>
public static class SubtitleAreas
{
    public static IReadOnlyList<TimedErase> Find(IReadOnlyList<TimedText> segments, double step, IReadOnlyList<EraseRegion> searchAreas, long frameWidth, long frameHeight, long pad)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(searchAreas);
        IReadOnlyList<EraseRegion> within = searchAreas.Count > 0 ? searchAreas : [LowerHalf(frameWidth, frameHeight)];
        var erases = new List<TimedErase>();
        foreach (var segment in segments)
        {
            foreach (var line in segment.Lines)
            {
                var box = new EraseRegion(line.X1 - pad, line.Y1 - pad, line.X2 - line.X1 + (2 * pad), line.Y2 - line.Y1 + (2 * pad));
                if (within.Any(a => Touches(a, box)))
                {
                    erases.Add(new TimedErase(box, Math.Round(Math.Max(0, segment.StartTimeOffset - step), 3), segment.EndTimeOffset, EraseFill.Delogo, "subtitle", Detected: true, line.Text));
                }
            }
        }

        return erases;
    }

    public static EraseRegion LowerHalf(long frameWidth, long frameHeight) => new(0, frameHeight / 2, frameWidth, frameHeight - (frameHeight / 2));

    public static bool Touches(EraseRegion a, EraseRegion b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
    }
}
