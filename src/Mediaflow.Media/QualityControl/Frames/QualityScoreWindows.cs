namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// From per-frame no-reference scores (0–100, higher is better) to the overall <c>QualityEvaluationScore</c> (the mean)
/// and <c>LowEvaluation</c> findings: runs of consecutive scored frames below the threshold lasting at least the
/// minimum duration (first to last frame, plus one sampling interval). Pure.
/// </summary>
public static class QualityScoreWindows
{
    /// <summary>
    /// Default threshold: below 35 (BRISQUE above 65) a picture is visibly degraded. BRISQUE judges naturalness, so sharp
    /// synthetic graphics already score about 43 (testsrc2, mandelbrot at 640×360); their blurred and noisy copies about 31.
    /// </summary>
    public const double DefaultThreshold = 35;

    /// <summary>Default minimum duration of a low-quality run, seconds.</summary>
    public const double DefaultMinDuration = 3;

    /// <summary>Default sampling interval of the score, seconds.</summary>
    public const double DefaultInterval = 1;

    /// <summary>BRISQUE (0 best … about 100 worst, can exceed it) mapped to 0–100, higher is better: 100 − BRISQUE, clamped.</summary>
    public static double FromBrisque(double brisque) => Math.Clamp(100 - brisque, 0, 100);

    public static double? Mean(IReadOnlyList<(double Time, double Score)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Count == 0 ? null : Math.Round(scores.Average(s => s.Score), 1);
    }

    public static IReadOnlyList<QcFinding> Low(IReadOnlyList<(double Time, double Score)> scores, double threshold, double minDuration, double interval)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var findings = new List<QcFinding>();
        var runStart = -1;
        for (var i = 0; i <= scores.Count; i++)
        {
            var low = i < scores.Count && scores[i].Score < threshold;
            if (low && runStart < 0)
            {
                runStart = i;
            }
            else if (!low && runStart >= 0)
            {
                var run = scores.Skip(runStart).Take(i - runStart).ToList();
                var start = run[0].Time;
                var end = run[^1].Time + interval;
                if (end - start >= minDuration - 1e-6)
                {
                    // Confidence: how far below the threshold the run's mean lies, as a share of the threshold.
                    var mean = run.Average(s => s.Score);
                    var confidence = (int)Math.Round(Math.Clamp(50 + (50 * (threshold - mean) / Math.Max(threshold, 1)), 0, 100));
                    findings.Add(new QcFinding("LowEvaluation", Math.Round(start, 3), Math.Round(end, 3), confidence));
                }

                runStart = -1;
            }
        }

        return findings;
    }
}
