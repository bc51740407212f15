namespace Mediaflow.Media.Ai.Erasing;

/// <summary>
/// Finds burned-in static overlays (logos, bugs): on sampled gray frames, the pixels whose value stays within
/// <see cref="StaticRange"/> over the whole clip while the picture as a whole changes (median range ≥
/// <see cref="MinMovingRange"/>); connected groups of at least <see cref="MinArea"/> such pixels, each no larger than
/// <see cref="MaxShareOfFrame"/> of the frame, are the areas. A clip that does not change gives none. Pure.
/// </summary>
public static class StaticAreaDetector
{
    public const int StaticRange = 6;
    public const int MinMovingRange = 20;
    public const int MinArea = 20;
    public const double MaxShareOfFrame = 0.25;

    /// <param name="frames">Each <paramref name="width"/> × <paramref name="height"/> bytes of 8-bit luma, at least two.</param>
    /// <returns>Bounding boxes in the frames' pixels.</returns>
    public static IReadOnlyList<EraseRegion> Detect(IReadOnlyList<byte[]> frames, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var size = width * height;
        if (frames.Count < 2 || size == 0)
        {
            return [];
        }

        var range = new int[size];
        for (var i = 0; i < size; i++)
        {
            int min = 255, max = 0;
            foreach (var frame in frames)
            {
                min = Math.Min(min, frame[i]);
                max = Math.Max(max, frame[i]);
            }

            range[i] = max - min;
        }

        var sorted = (int[])range.Clone();
        Array.Sort(sorted);
        if (sorted[size / 2] < MinMovingRange)
        {
            return []; // the picture hardly changes: everything is "static", nothing stands out
        }

        var seen = new bool[size];
        var regions = new List<EraseRegion>();
        var stack = new Stack<int>();
        for (var start = 0; start < size; start++)
        {
            if (seen[start] || range[start] > StaticRange)
            {
                continue;
            }

            int count = 0, minX = width, minY = height, maxX = -1, maxY = -1;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                var (x, y) = (p % width, p / width);
                count++;
                (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                foreach (var n in new[] { x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1 })
                {
                    if (n >= 0 && !seen[n] && range[n] <= StaticRange)
                    {
                        seen[n] = true;
                        stack.Push(n);
                    }
                }
            }

            var box = (maxX - minX + 1) * (maxY - minY + 1);
            if (count >= MinArea && box <= size * MaxShareOfFrame)
            {
                regions.Add(new EraseRegion(minX, minY, maxX - minX + 1, maxY - minY + 1));
            }
        }

        return regions;
    }

    /// <summary>A region found on a scaled copy, in source pixels, grown by <paramref name="pad"/> source pixels on each side.</summary>
    public static EraseRegion Scale(EraseRegion region, double scaleX, double scaleY, long pad)
    {
        ArgumentNullException.ThrowIfNull(region);
        var x0 = (long)Math.Floor(region.X * scaleX) - pad;
        var y0 = (long)Math.Floor(region.Y * scaleY) - pad;
        var x1 = (long)Math.Ceiling((region.X + region.Width) * scaleX) + pad;
        var y1 = (long)Math.Ceiling((region.Y + region.Height) * scaleY) + pad;
        return new EraseRegion(x0, y0, x1 - x0, y1 - y0);
    }
}
