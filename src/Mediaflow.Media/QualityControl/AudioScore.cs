namespace Mediaflow.Media.QualityControl;

/// <summary>
/// Pure: the no-reference audio score 0–100 (<c>AudioEvaluationScore</c>) from the content pass's audio measurements, as
/// 100 minus three documented penalties (docs/quality-control-content.md): loudness outside the
/// [<see cref="LowLufs"/>, <see cref="HighLufs"/>] window (EBU R128 integrated), the share of clipped frames, and
/// broadband noise (mean spectral flatness of the 0–8 kHz band). Bandwidth is not scored: a band-limited source cannot be
/// told from content without high frequencies (a pure tone). <c>AudioEvaluation</c> is one finding over the whole
/// measured range when the score is below the item's threshold (default 50).
/// </summary>
public sealed record AudioScore(double Score, double Loudness, double ClippedShare, double Flatness)
{
    /// <summary>The loudness window between broadcast (−23 LUFS, EBU R128) and streaming (−16/−14 LUFS) targets, ±1 LU.</summary>
    public const double LowLufs = -24, HighLufs = -14;

    /// <summary>Points per LU outside the window, and the most the loudness can cost.</summary>
    public const double PointsPerLu = 2, MaxLoudnessPenalty = 30;

    /// <summary>Points per percent of clipped non-silent frames, and the most clipping can cost.</summary>
    public const double PointsPerClippedPercent = 1, MaxClippingPenalty = 40;

    /// <summary>Flatness from which noise costs points (flite speech averages ≈ 0.23, a tone ≈ 0), and where it costs the most.</summary>
    public const double CleanFlatness = 0.3, NoisyFlatness = 0.6, MaxNoisePenalty = 40;

    public IReadOnlyList<QcFinding> Findings { get; init; } = [];

    /// <summary>The score when <c>AudioEvaluation</c> is enabled and the input has audio; null otherwise.</summary>
    public static AudioScore? Evaluate(ContentMeasurements measurements, IReadOnlyDictionary<string, ItemSettings> items)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(items);
        if (!items.TryGetValue("AudioEvaluation", out var item) || measurements.Audio.Count == 0)
        {
            return null;
        }

        var silence = items.TryGetValue("NoVoice", out var n) ? n.Threshold : ContentItem.All["NoVoice"].Threshold;
        var voiced = measurements.Audio.Where(a => a.Rms > silence).ToList();
        var loudness = measurements.Audio.LastOrDefault(a => a.Integrated is { } i && double.IsFinite(i))?.Integrated ?? -70;
        var clipped = voiced.Count == 0 ? 0 : voiced.Count(ContentAnalysis.Clipped) / (double)voiced.Count;
        var flat = measurements.Spectral.Where(a => a.Rms > silence && a.Flatness is { } f && double.IsFinite(f)).Select(a => a.Flatness!.Value).ToList();
        var flatness = flat.Count == 0 ? 0 : flat.Average();

        var outside = Math.Max(0, Math.Max(LowLufs - loudness, loudness - HighLufs));
        var penalty = Math.Min(MaxLoudnessPenalty, PointsPerLu * outside)
            + Math.Min(MaxClippingPenalty, PointsPerClippedPercent * 100 * clipped)
            + (MaxNoisePenalty * Math.Clamp((flatness - CleanFlatness) / (NoisyFlatness - CleanFlatness), 0, 1));
        var score = Math.Round(Math.Clamp(100 - penalty, 0, 100), 1);
        var findings = new List<QcFinding>();
        if (score < item.Threshold)
        {
            var start = measurements.Audio[0].Time;
            var end = Math.Max(measurements.Duration, measurements.Audio[^1].Time);
            var confidence = item.Threshold <= 0 ? 100 : (int)Math.Round(Math.Clamp(50 + (50 * (item.Threshold - score) / item.Threshold), 0, 100));
            findings.Add(new QcFinding("AudioEvaluation", start, end, confidence));
        }

        return new AudioScore(score, loudness, clipped, flatness) { Findings = findings };
    }
}
