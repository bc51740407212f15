namespace Mediaflow.Media.Ai.Analysis;

/// <summary>
/// One analysed video frame (on a 160×90 copy): the scene-change score (0–1), luma average/10th/90th percentile and
/// mean absolute change from the previous frame (8-bit, limited range), and the blur estimate (NaN on a flat frame).
/// </summary>
public sealed record FrameSample(double Time, double Scene, double YAvg, double YLow, double YHigh, double YDif, double Blur)
{
    /// <summary>Almost black: the bright end of the picture stays near video black (16).</summary>
    public bool IsBlack => YHigh <= AnalysisThresholds.BlackLumaHigh;

    /// <summary>Nothing moves: the picture equals the previous frame's (a still or frozen image).</summary>
    public bool IsStatic => YDif <= AnalysisThresholds.StaticLumaDifference;

    public static IReadOnlyList<FrameSample> From(IEnumerable<MetadataFrame> frames) =>
        [.. frames.Select(f => new FrameSample(f.Time, Zero(f.Get("lavfi.scene_score")), f.Get("lavfi.signalstats.YAVG"), f.Get("lavfi.signalstats.YLOW"),
            f.Get("lavfi.signalstats.YHIGH"), Zero(f.Get("lavfi.signalstats.YDIF")), f.Get("lavfi.blur")))];

    private static double Zero(double value) => double.IsNaN(value) ? 0 : value;
}

/// <summary>One audio window (0.1 s, mono): its RMS level in dBFS (−∞ for digital silence).</summary>
public sealed record AudioSample(double Time, double RmsDb)
{
    public bool IsSilent => RmsDb <= AnalysisThresholds.SilenceDb;

    public static IReadOnlyList<AudioSample> From(IEnumerable<MetadataFrame> frames) =>
        [.. frames.Select(f => new AudioSample(f.Time, f.Get("lavfi.astats.1.RMS_level") is var rms && double.IsNaN(rms) ? double.NegativeInfinity : rms))];
}
