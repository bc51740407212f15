namespace Mediaflow.Media.QualityControl;

public static partial class ContentAnalysis
{
    /// <summary>Damaged frames less than this apart (seconds) form one run: concealment is not flagged on every frame of a damaged stretch.</summary>
    private const double DamageBridge = 0.5;

    /// <summary>
    /// <c>CrashScreen</c>: runs of decoded video frames that carried decode damage (<see cref="DecodeDamageParser"/>),
    /// each frame covering one frame step; a run is kept when it has at least the threshold's number of damaged frames
    /// and lasts at least MinDuration. Every decoded frame is judged, so <c>IntervalTime</c> does not apply.
    /// </summary>
    private static IEnumerable<QcFinding> Crashes(ContentMeasurements m, IReadOnlyDictionary<string, ItemSettings> items)
    {
        if (!items.TryGetValue("CrashScreen", out var item) || m.Damage.Times.Count == 0)
        {
            return [];
        }

        var times = m.Damage.Times;
        var step = m.Damage.FrameStep;
        return SampleRun.Find(times, _ => step, _ => true, DamageBridge, item.MinDuration, m.Duration)
            .Where(r => r.Last - r.First + 1 >= item.Threshold)
            .Select(r => new QcFinding("CrashScreen", r.Start, r.End, r.Confidence));
    }
}
