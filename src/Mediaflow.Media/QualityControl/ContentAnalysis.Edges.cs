namespace Mediaflow.Media.QualityControl;

public static partial class ContentAnalysis
{
    private enum Side { Top, Bottom, Left, Right }

    /// <summary>
    /// <c>BlackWhiteEdge</c>: a black border on a side of the picture at least Threshold percent of the frame side (and 2 px)
    /// deep, one finding per side and run, its <c>Area</c> the border rectangle x1,y1,x2,y2 in source pixels (the
    /// shallowest depth seen in the run).
    /// </summary>
    private static IEnumerable<QcFinding> Edges(ContentMeasurements m, IReadOnlyDictionary<string, ItemSettings> items, List<double> times, Func<int, bool> solid)
    {
        if (!items.TryGetValue("BlackWhiteEdge", out var item) || m.Width <= 0 || m.Height <= 0)
        {
            yield break;
        }

        var video = m.Video;
        var (picked, step) = Sampled(times, item, m.VideoStep);
        var pickedTimes = picked.Select(i => times[i]).ToList();
        foreach (var side in Enum.GetValues<Side>())
        {
            var across = side is Side.Top or Side.Bottom ? m.Height : m.Width;
            var minimum = Math.Max(2, item.Threshold * across / 100);
            int? Depth(int j) => solid(picked[j]) ? null : BorderDepth(video[picked[j]], side, m.Width, m.Height);
            foreach (var run in SampleRun.Find(pickedTimes, _ => step, j => Depth(j) >= minimum, step, item.MinDuration, m.Duration))
            {
                var depth = Enumerable.Range(run.First, run.Last - run.First + 1).Select(Depth).Where(d => d >= minimum).Min() ?? 0;
                long w = m.Width, h = m.Height;
                IReadOnlyList<long> area = side switch
                {
                    Side.Top => [0, 0, w, depth],
                    Side.Bottom => [0, h - depth, w, h],
                    Side.Left => [0, 0, depth, h],
                    _ => [w - depth, 0, w, h],
                };
                yield return new QcFinding("BlackWhiteEdge", run.Start, run.End, run.Confidence, area);
            }
        }
    }

    /// <summary>Rows or columns of black on one side, from cropdetect's non-black rectangle; null when it found none.</summary>
    private static int? BorderDepth(VideoSample sample, Side side, int width, int height)
    {
        if (sample.Content is not { } c || c.X2 < c.X1 || c.Y2 < c.Y1)
        {
            return null;
        }

        return side switch
        {
            Side.Top => c.Y1,
            Side.Bottom => height - 1 - c.Y2,
            Side.Left => c.X1,
            _ => width - 1 - c.X2,
        };
    }
}
