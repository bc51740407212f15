namespace Mediaflow.Media.QualityControl;

/// <summary>
/// A run of flagged samples: samples <see cref="First"/>..<see cref="Last"/> (indexes), the time range they cover and the
/// percentage of that range that was flagged (short unflagged gaps inside are bridged).
/// </summary>
public sealed record SampleRun(int First, int Last, double Start, double End, int Confidence)
{
    private const double Epsilon = 1e-6;

    /// <summary>
    /// Pure: runs of flagged samples. Sample i covers [time_i, time_i + step_i); flagged samples whose gap to the run is at
    /// most <paramref name="bridge"/> seconds join it; runs shorter than <paramref name="minDuration"/> are dropped and
    /// ends are clamped to <paramref name="end"/> (when &gt; 0).
    /// </summary>
    public static IReadOnlyList<SampleRun> Find(IReadOnlyList<double> times, Func<int, double> step, Func<int, bool> flagged, double bridge, double minDuration, double end)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(flagged);
        var runs = new List<SampleRun>();
        int first = -1, last = -1;
        double start = 0, runEnd = 0, covered = 0;

        void Close()
        {
            if (first < 0)
            {
                return;
            }

            var stop = end > 0 ? Math.Min(runEnd, end) : runEnd;
            var length = stop - start;
            if (length > Epsilon && length + Epsilon >= minDuration)
            {
                runs.Add(new SampleRun(first, last, Math.Round(start, 3), Math.Round(stop, 3), (int)Math.Round(Math.Min(100, 100 * covered / length))));
            }

            first = -1;
        }

        for (var i = 0; i < times.Count; i++)
        {
            if (!flagged(i))
            {
                continue;
            }

            var t = times[i];
            var to = t + step(i);
            if (first >= 0 && t - runEnd <= bridge + Epsilon)
            {
                last = i;
                covered += to - Math.Max(t, runEnd);
                runEnd = Math.Max(runEnd, to);
                continue;
            }

            Close();
            (first, last, start, runEnd, covered) = (i, i, t, to, to - t);
        }

        Close();
        return runs;
    }

    /// <summary>Pure: <paramref name="ranges"/> minus <paramref name="holes"/> (both as [start, end) pairs), pieces in time order.</summary>
    public static IReadOnlyList<(double Start, double End)> Subtract(IEnumerable<(double Start, double End)> ranges, IReadOnlyList<(double Start, double End)> holes)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(holes);
        var pieces = new List<(double, double)>();
        foreach (var range in ranges)
        {
            var cursor = range.Start;
            foreach (var hole in holes.Where(h => h.End > range.Start && h.Start < range.End).OrderBy(h => h.Start))
            {
                if (hole.Start > cursor)
                {
                    pieces.Add((cursor, hole.Start));
                }

                cursor = Math.Max(cursor, hole.End);
            }

            if (range.End > cursor)
            {
                pieces.Add((cursor, range.End));
            }
        }

        return pieces;
    }
}
