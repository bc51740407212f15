namespace Mediaflow.Media.Ai.Analysis;

/// <summary>The frame chosen as cover: its time and a 0–100 confidence (its score against an ideal frame).</summary>
public sealed record CoverChoice(double Time, int Confidence);

/// <summary>
/// Cover selection: among frames shortly after each shot start (<see cref="AnalysisThresholds.CoverSettleSeconds"/> to
/// <see cref="AnalysisThresholds.CoverWindowSeconds"/>), the best of exposure × contrast × sharpness, never a black,
/// flat (no detail) or badly exposed frame; when no shot start has one, the best such frame anywhere. Null = none. Pure.
/// </summary>
public static class CoverPicker
{
    public static CoverChoice? Pick(IReadOnlyList<FrameSample> frames, IReadOnlyList<Shot> shots)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(shots);
        var nearStarts = frames.Where(f => shots.Any(s => f.Time >= s.Start + Math.Min(AnalysisThresholds.CoverSettleSeconds, s.Duration / 2)
            && f.Time < Math.Min(s.End, s.Start + AnalysisThresholds.CoverWindowSeconds)));
        var best = Best(nearStarts) ?? Best(frames);
        return best is null ? null : new CoverChoice(best.Value.Frame.Time, (int)Math.Round(best.Value.Score * 100));
    }

    /// <summary>0–1; 0 for frames that cannot be a cover.</summary>
    public static double Score(FrameSample frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.IsBlack || double.IsNaN(frame.Blur) || double.IsNaN(frame.YAvg)
            || frame.YAvg < AnalysisThresholds.CoverMinLuma || frame.YAvg > AnalysisThresholds.CoverMaxLuma)
        {
            return 0;
        }

        var exposure = 1 - (Math.Abs(frame.YAvg - 126) / 110);
        var contrast = Math.Clamp((frame.YHigh - frame.YLow) / 120, 0, 1);
        var sharpness = 4 / (4 + Math.Max(0, frame.Blur));
        // A well-exposed, full-contrast frame with a blur estimate of 2 (sharp video) scores 1.
        return Math.Min(1, Math.Clamp(exposure, 0, 1) * (0.25 + (0.75 * contrast)) * sharpness * 1.5);
    }

    private static (FrameSample Frame, double Score)? Best(IEnumerable<FrameSample> frames)
    {
        (FrameSample Frame, double Score)? best = null;
        foreach (var frame in frames)
        {
            var score = Score(frame);
            if (score > 0 && (best is null || score > best.Value.Score))
            {
                best = (frame, score);
            }
        }

        return best;
    }
}
