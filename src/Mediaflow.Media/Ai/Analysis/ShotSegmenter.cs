namespace Mediaflow.Media.Ai.Analysis;

/// <summary>One shot: where it starts and ends (seconds) and how sure the cut that opened it is (0–100; the first shot 100).</summary>
public sealed record Shot(double Start, double End, int Confidence)
{
    public double Duration => End - Start;
}

/// <summary>
/// Shots from the per-frame scene scores: a frame whose score reaches <see cref="AnalysisThresholds.SceneCut"/> opens a
/// new shot unless the current one is shorter than <see cref="AnalysisThresholds.MinShotSeconds"/>. Pure.
/// </summary>
public static class ShotSegmenter
{
    public static IReadOnlyList<Shot> Segment(IReadOnlyList<FrameSample> frames, double duration)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            return [];
        }

        var start = frames[0].Time;
        var end = Math.Max(duration, frames[^1].Time);
        var shots = new List<Shot>();
        var (shotStart, confidence) = (start, 100);
        foreach (var frame in frames.Skip(1))
        {
            if (frame.Scene >= AnalysisThresholds.SceneCut && frame.Time - shotStart >= AnalysisThresholds.MinShotSeconds && end - frame.Time >= AnalysisThresholds.MinShotSeconds)
            {
                shots.Add(new Shot(shotStart, frame.Time, confidence));
                (shotStart, confidence) = (frame.Time, (int)Math.Round(Math.Min(1, frame.Scene) * 100));
            }
        }

        shots.Add(new Shot(shotStart, end, confidence));
        return shots;
    }
}
