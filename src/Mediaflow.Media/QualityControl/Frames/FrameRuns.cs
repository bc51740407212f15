namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// Per-frame flags of one item → findings: frames are judged once per <c>IntervalTime</c> (every frame when none), a
/// judged frame covers the time to the next judged one, and flagged frames form runs through <see cref="SampleRun"/>
/// (one unflagged frame is bridged) of at least the minimum duration. Pure: fed in time order, then completed.
/// </summary>
public sealed class FrameRuns(string type, double minDuration, double? interval)
{
    private readonly List<(double Time, bool Flagged)> frames = [];
    private double next = double.NegativeInfinity;

    /// <summary>Whether the frame at <paramref name="time"/> is to be judged (the item's sampling interval).</summary>
    public bool Due(double time)
    {
        if (time < next - 1e-6)
        {
            return false;
        }

        next = time + (interval is > 0 ? interval.Value : 0);
        return true;
    }

    public void Add(double time, bool flagged) => frames.Add((time, flagged));

    public IReadOnlyList<QcFinding> Complete()
    {
        if (frames.Count == 0)
        {
            return [];
        }

        var times = frames.Select(f => f.Time).ToList();
        var typical = times.Count > 1 ? times[1] - times[0] : interval ?? 0.5;
        double Step(int i) => i + 1 < times.Count ? times[i + 1] - times[i] : typical;
        return [.. SampleRun.Find(times, Step, i => frames[i].Flagged, typical, minDuration, 0)
            .Select(r => new QcFinding(type, r.Start, r.End, r.Confidence))];
    }
}
