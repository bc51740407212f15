namespace Mediaflow.Media.Ai.Analysis;

/// <summary>A highlight shot and its score (0–100).</summary>
public sealed record Highlight(double Start, double End, int Confidence);

/// <summary>
/// Highlights: each shot scores 0.6 × motion (mean luma change per frame, 20 = full) + 0.4 × audio energy (mean RMS,
/// −60 dBFS = 0, 0 dBFS = 1; motion alone without audio); the shots reaching
/// <see cref="AnalysisThresholds.HighlightShareOfBest"/> of the best score, at most
/// <see cref="AnalysisThresholds.MaxHighlights"/> in time order. Dead shots (no motion, no sound) are never highlights. Pure.
/// </summary>
public static class HighlightPicker
{
    public static IReadOnlyList<Highlight> Pick(IReadOnlyList<Shot> shots, IReadOnlyList<FrameSample> frames, IReadOnlyList<AudioSample> audio)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(audio);
        var scored = shots.Select(s => (Shot: s, Score: Score(s, frames, audio))).Where(s => s.Score > 0.05).ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Max(s => s.Score);
        return [.. scored.Where(s => s.Score >= best * AnalysisThresholds.HighlightShareOfBest)
            .OrderByDescending(s => s.Score).Take(AnalysisThresholds.MaxHighlights)
            .OrderBy(s => s.Shot.Start)
            .Select(s => new Highlight(s.Shot.Start, s.Shot.End, (int)Math.Round(s.Score * 100)))];
    }

    public static double Score(Shot shot, IReadOnlyList<FrameSample> frames, IReadOnlyList<AudioSample> audio)
    {
        ArgumentNullException.ThrowIfNull(shot);
        // The first frame of a shot carries the cut itself, not motion.
        var inShot = frames.Where(f => f.Time > shot.Start && f.Time < shot.End).ToList();
        var motion = inShot.Count == 0 ? 0 : Math.Clamp(inShot.Average(f => f.YDif) / 20, 0, 1);
        if (audio.Count == 0)
        {
            return motion;
        }

        var windows = audio.Where(a => a.Time >= shot.Start && a.Time < shot.End).ToList();
        var energy = windows.Count == 0 ? 0 : windows.Average(a => Math.Clamp((Math.Max(a.RmsDb, -60) + 60) / 60, 0, 1));
        return (0.6 * motion) + (0.4 * energy);
    }
}
