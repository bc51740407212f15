namespace Mediaflow.Media.QualityControl;

/// <summary>
/// Pure: the content pass's measurements → findings, one rule per item (docs/quality-control-content.md). A sampled
/// picture that is one solid colour is reported only as <c>SolidColorScreen</c>: it counts for no other picture item
/// (a black screen is not also "dark", "frozen" or "bordered").
/// </summary>
public static partial class ContentAnalysis
{
    /// <summary>Picture runs bridge one missing sample; audio runs bridge a quarter second.</summary>
    private const double AudioBridge = 0.25;

    public static IReadOnlyList<QcFinding> Analyze(ContentMeasurements measurements, IReadOnlyDictionary<string, ItemSettings> items)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(items);
        var findings = new List<QcFinding>();
        findings.AddRange(Picture(measurements, items));
        findings.AddRange(Sound(measurements, items));
        findings.AddRange(Crashes(measurements, items));
        return [.. findings.OrderBy(f => f.StartTime).ThenBy(f => f.Type, StringComparer.Ordinal)];
    }

    private static IEnumerable<QcFinding> Picture(ContentMeasurements m, IReadOnlyDictionary<string, ItemSettings> items)
    {
        var video = m.Video;
        if (video.Count == 0)
        {
            yield break;
        }

        var times = video.Select(v => v.Time).ToList();
        var solidLimit = items.TryGetValue("SolidColorScreen", out var s) ? s.Threshold : ContentItem.All["SolidColorScreen"].Threshold;
        bool Solid(int i) => video[i].Spread is { } spread && spread <= solidLimit;

        IEnumerable<QcFinding> Rule(string type, Func<VideoSample, double, bool> flagged, bool solidCounts = false)
        {
            if (!items.TryGetValue(type, out var item))
            {
                return [];
            }

            var (picked, step) = Sampled(times, item, m.VideoStep);
            return SampleRun.Find([.. picked.Select(i => times[i])], _ => step, j => (solidCounts || !Solid(picked[j])) && flagged(video[picked[j]], item.Threshold), step, item.MinDuration, m.Duration)
                .Select(r => new QcFinding(type, r.Start, r.End, r.Confidence));
        }

        foreach (var f in Rule("SolidColorScreen", (v, t) => v.Spread <= t, solidCounts: true)) { yield return f; }
        foreach (var f in Rule("Blur", (v, t) => v.Blur >= t)) { yield return f; }
        foreach (var f in Rule("Noise", (v, t) => v.NoiseMse >= t)) { yield return f; }
        foreach (var f in Rule("LowLighting", (v, t) => v.YAvg <= t)) { yield return f; }
        foreach (var f in Rule("HighLighting", (v, t) => v.YAvg >= t)) { yield return f; }
        foreach (var f in Edges(m, items, times, Solid)) { yield return f; }
        foreach (var f in Freezes(m, items, times, Solid)) { yield return f; }
    }

    /// <summary>
    /// The pictures an item judges: one per its <c>IntervalTime</c> (the first picture at or after each due time), or
    /// every sampled picture when it has none or a shorter one; each judged picture covers the returned step.
    /// </summary>
    internal static (IReadOnlyList<int> Picked, double Step) Sampled(IReadOnlyList<double> times, ItemSettings item, double videoStep)
    {
        if (item.Interval is not { } interval || interval <= videoStep + 1e-6)
        {
            return ([.. Enumerable.Range(0, times.Count)], videoStep);
        }

        var picked = new List<int>();
        var next = double.NegativeInfinity;
        for (var i = 0; i < times.Count; i++)
        {
            if (times[i] >= next - 1e-6)
            {
                picked.Add(i);
                next = times[i] + interval;
            }
        }

        return (picked, interval);
    }

    private static IEnumerable<QcFinding> Sound(ContentMeasurements m, IReadOnlyDictionary<string, ItemSettings> items)
    {
        if (m.Audio.Count == 0 && m.Spectral.Count == 0)
        {
            yield break;
        }

        var silence = items.TryGetValue("NoVoice", out var n) ? n.Threshold : ContentItem.All["NoVoice"].Threshold;
        bool Silent(AudioSample a) => a.Rms <= silence;

        IEnumerable<QcFinding> Rule(string type, Func<AudioSample, double, bool> flagged, IReadOnlyList<AudioSample>? samples = null)
        {
            var audio = samples ?? m.Audio;
            if (!items.TryGetValue(type, out var item) || audio.Count == 0)
            {
                return [];
            }

            double Step(int i) => i + 1 < audio.Count ? audio[i + 1].Time - audio[i].Time : i > 0 ? audio[i].Time - audio[i - 1].Time : 0.085;
            return SampleRun.Find([.. audio.Select(a => a.Time)], Step, i => flagged(audio[i], item.Threshold), AudioBridge, item.MinDuration, m.Duration)
                .Select(r => new QcFinding(type, r.Start, r.End, r.Confidence));
        }

        foreach (var f in Rule("NoVoice", (a, _) => Silent(a))) { yield return f; }

        // Momentary loudness needs its 400 ms window filled: earlier frames carry ebur128's -120.7 placeholder.
        foreach (var f in Rule("LowVoice", (a, t) => !Silent(a) && a.Time >= MomentaryWindow && a.Momentary <= t)) { yield return f; }
        foreach (var f in Rule("HighVoice", (a, t) => (a.Time >= MomentaryWindow && a.Momentary >= t) || Clipped(a))) { yield return f; }
        foreach (var f in Rule("AudioNoise", (a, t) => !Silent(a) && a.Flatness >= t, m.Spectral)) { yield return f; }
    }

    private const double MomentaryWindow = 0.4;

    /// <summary>
    /// Clipping: the peak at full scale held over consecutive samples (astats flat factor), as a clipped waveform does in
    /// PCM/FLAC; or, after a lossy codec has rounded the flat tops off, a frame at full scale whose peak is within
    /// <see cref="ClippedCrestDb"/> of its RMS (a waveform squashed into a square; a full-scale sine is 3.01 dB).
    /// </summary>
    internal static bool Clipped(AudioSample a) =>
        (a.Peak >= -0.5 && a.FlatFactor >= 5) || (a.Peak >= ClippedPeakDb && a.Peak - a.Rms <= ClippedCrestDb);

    /// <summary>The lossy clipping rule's peak (dBFS, ≥) and crest factor (peak − RMS, dB, ≤).</summary>
    public const double ClippedPeakDb = -1, ClippedCrestDb = 2.5;
}
