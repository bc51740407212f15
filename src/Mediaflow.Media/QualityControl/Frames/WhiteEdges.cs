namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>Pure: white borders of gray frames (full-range: studio white 235 reads 255) and their findings.</summary>
public static class WhiteEdges
{
    /// <summary>A border line: mean at least this (≈ studio 216) …</summary>
    public const double MinMean = 230;

    /// <summary>… and this flat (max − min), so a bright but detailed line of the picture is not a border.</summary>
    public const int MaxRange = 12;

    /// <summary>
    /// A border needs a picture darker than this inside it: white lines around an almost white picture (over-exposure, a
    /// white slide; its uniform bright columns read as white) are not a border.
    /// </summary>
    public const double MaxInteriorMean = 190;

    /// <summary>White lines on each side of the frame, in frame pixels.</summary>
    public readonly record struct Sides(int Top, int Bottom, int Left, int Right);

    /// <summary>
    /// The white lines counted in from each side; null when the whole frame is white (a solid screen, not a border); none
    /// when the picture inside is brighter than <see cref="MaxInteriorMean"/>.
    /// </summary>
    public static Sides? Depths(ReadOnlySpan<byte> gray, int width, int height)
    {
        if (gray.Length != width * height)
        {
            throw new ArgumentException($"a {width}×{height} gray frame has {width * height} bytes, not {gray.Length}", nameof(gray));
        }

        var top = 0;
        while (top < height && RowWhite(gray, width, top))
        {
            top++;
        }

        if (top == height)
        {
            return null;
        }

        int bottom = 0, left = 0, right = 0;
        while (bottom < height && RowWhite(gray, width, height - 1 - bottom))
        {
            bottom++;
        }

        while (left < width && ColumnWhite(gray, width, height, left))
        {
            left++;
        }

        while (right < width && ColumnWhite(gray, width, height, width - 1 - right))
        {
            right++;
        }

        if (top + bottom + left + right > 0 && InteriorMean(gray, width, top, height - bottom, left, width - right) > MaxInteriorMean)
        {
            return new Sides(0, 0, 0, 0);
        }

        return new Sides(top, bottom, left, right);
    }

    private static double InteriorMean(ReadOnlySpan<byte> gray, int width, int y0, int y1, int x0, int x1)
    {
        if (y1 <= y0 || x1 <= x0)
        {
            return 255;
        }

        long sum = 0;
        for (var y = y0; y < y1; y++)
        {
            foreach (var v in gray.Slice((y * width) + x0, x1 - x0))
            {
                sum += v;
            }
        }

        return sum / (double)((y1 - y0) * (x1 - x0));
    }

    private static bool RowWhite(ReadOnlySpan<byte> gray, int width, int y) => White(gray.Slice(y * width, width), 1);

    private static bool ColumnWhite(ReadOnlySpan<byte> gray, int width, int height, int x) => White(gray[x..], width, height);

    private static bool White(ReadOnlySpan<byte> line, int stride, int count = -1)
    {
        count = count < 0 ? line.Length : count;
        int min = 255, max = 0;
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            var v = line[i * stride];
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }

        return count > 0 && max - min <= MaxRange && sum >= MinMean * count;
    }

    /// <summary>One finding per side and run of frames whose white border is deep enough; areas in source pixels.</summary>
    public static IReadOnlyList<QcFinding> Findings(IReadOnlyList<(double Time, Sides? Depths)> frames, int width, int height, long sourceWidth, long sourceHeight, ItemSettings item)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(item);
        var findings = new List<QcFinding>();
        if (frames.Count == 0)
        {
            return findings;
        }

        var times = frames.Select(f => f.Time).ToList();
        var typical = times.Count > 1 ? times[1] - times[0] : 0.5;
        double Step(int i) => i + 1 < times.Count ? times[i + 1] - times[i] : typical;
        var sides = new (string Name, Func<Sides, int> Depth, bool Vertical)[]
        {
            ("Top", s => s.Top, true), ("Bottom", s => s.Bottom, true), ("Left", s => s.Left, false), ("Right", s => s.Right, false),
        };
        foreach (var (name, depthOf, vertical) in sides)
        {
            var scale = vertical ? sourceHeight / (double)height : sourceWidth / (double)width;
            var across = vertical ? sourceHeight : sourceWidth;
            var minimum = Math.Max(2, item.Threshold * across / 100);
            long? Depth(int i) => frames[i].Depths is { } d ? (long)Math.Round(depthOf(d) * scale) : null;
            foreach (var run in SampleRun.Find(times, Step, i => Depth(i) >= minimum, typical, item.MinDuration, 0))
            {
                var depth = Enumerable.Range(run.First, run.Last - run.First + 1).Select(Depth).Where(d => d >= minimum).Min() ?? 0;
                long w = sourceWidth, h = sourceHeight;
                IReadOnlyList<long> area = name switch
                {
                    "Top" => [0, 0, w, depth],
                    "Bottom" => [0, h - depth, w, h],
                    "Left" => [0, 0, depth, h],
                    _ => [w - depth, 0, w, h],
                };
                findings.Add(new QcFinding("BlackWhiteEdge", run.Start, run.End, run.Confidence, area));
            }
        }

        return findings;
    }
}
