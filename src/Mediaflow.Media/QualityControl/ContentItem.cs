namespace Mediaflow.Media.QualityControl;

/// <summary>
/// One item the content pass detects, with its documented defaults (docs/quality-control-content.md): the threshold
/// (in <see cref="Unit"/>) a template's <c>Threshold</c> replaces, and the minimum anomaly length its <c>Duration</c> replaces.
/// </summary>
public sealed record ContentItem(string Type, bool Audio, double Threshold, double MinDuration, string Unit)
{
    /// <summary>Every item the content pass declares; an item not here is not detected by it.</summary>
    public static readonly IReadOnlyDictionary<string, ContentItem> All = new[]
    {
        new ContentItem("Blur", false, 10, 1, "blurdetect score (≥)"),
        new ContentItem("Noise", false, 150, 1, "mean squared luma difference to the 3×3 median (≥)"),
        new ContentItem("BlackWhiteEdge", false, 2, 1, "border size in percent of the frame side (≥)"),
        new ContentItem("SolidColorScreen", false, 4, 1, "10th–90th percentile spread of Y, U and V, 8-bit codes (≤)"),
        new ContentItem("LowLighting", false, 50, 1, "mean luma, 8-bit code (≤)"),
        new ContentItem("HighLighting", false, 200, 1, "mean luma, 8-bit code (≥)"),
        new ContentItem("Freeze", false, 0.001, 1, "freezedetect noise ratio (mean absolute difference ≤)"),
        new ContentItem("CrashScreen", false, 1, 0, "damaged decoded frames in a run (≥)"),
        new ContentItem("NoVoice", true, -60, 1, "RMS level, dBFS (≤)"),
        new ContentItem("LowVoice", true, -40, 1, "momentary loudness, LUFS (≤)"),
        new ContentItem("HighVoice", true, -10, 0.5, "momentary loudness, LUFS (≥), or clipping"),
        new ContentItem("AudioNoise", true, 0.65, 1, "spectral flatness of the 0–8 kHz band, 0–1 (≥)"),
        new ContentItem("AudioEvaluation", true, 50, 0, "audio score 0–100 of the whole input (<)"),
    }.ToDictionary(i => i.Type, StringComparer.Ordinal);
}
