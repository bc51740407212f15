using Mediaflow.Media.Probing;

namespace Mediaflow.Media.QualityControl;

/// <summary>One enabled item of a quality-control template, with its tunables (spec §13.8; times in seconds).</summary>
/// <param name="Threshold">The template's item-specific threshold string, or null for the documented default.</param>
/// <param name="MinDuration">How long an anomaly must last to be reported (the item's <c>Duration</c>), or null for the default.</param>
/// <param name="Interval">Sampling interval (the item's <c>IntervalTime</c>), or null for the default.</param>
public sealed record QcItemRequest(string Type, string? Threshold = null, double? MinDuration = null, double? Interval = null);

/// <summary>
/// One content anomaly: the wire item type, its time range in seconds from the first decoded frame, a confidence 0–100
/// and, for areas (borders, codes), the rectangle x1,y1,x2,y2 in source pixels.
/// </summary>
public sealed record QcFinding(string Type, double StartTime, double EndTime, int Confidence, IReadOnlyList<long>? Area = null);

/// <summary>One format anomaly for <c>ContainerDiagnoseResultSet</c>: the item type, severity and where it happened (seconds).</summary>
public sealed record QcDiagnosis(string Type, string SeverityLevel, IReadOnlyList<double> Timestamps);

/// <summary>What to inspect: the local input, its probe, the enabled items this inspector handles, a scratch directory.</summary>
public sealed record QcInspection(string InputPath, ProbeResult Probe, IReadOnlyList<QcItemRequest> Items, string WorkDirectory);

/// <summary>What one inspector found; <see cref="Scores"/> holds named figures such as <c>QualityEvaluationScore</c>.</summary>
public sealed record QcReport
{
    public IReadOnlyList<QcFinding> Findings { get; init; } = [];

    public IReadOnlyList<QcDiagnosis> Diagnoses { get; init; } = [];

    public IReadOnlyDictionary<string, double> Scores { get; init; } = new Dictionary<string, double>();

    /// <summary>The FFmpeg/ffprobe command line(s) run, for the attempt record.</summary>
    public string CommandLine { get; init; } = "";

    public string LogTail { get; init; } = "";
}

/// <summary>
/// A family of quality-control items detected by one pass over the input (the content pass, the packet/frame
/// analysis). The node executor gives each inspector only the enabled items it declares in <see cref="ItemTypes"/>.
/// A detection failure is thrown as <see cref="MediaFailure"/>.
/// </summary>
public interface IQualityInspector
{
    IReadOnlySet<string> ItemTypes { get; }

    Task<QcReport> InspectAsync(QcInspection inspection, IProgress<double> progress, CancellationToken cancellationToken);
}

/// <summary>
/// A detector that looks at sampled frames handed out by the content pass (QR/bar codes, no-reference scoring), so
/// every content detector shares one decode. Frames are 8-bit gray: on the <see cref="FrameFeed.Sampled"/> feed at most
/// 640 px wide, 2 per second; on the <see cref="FrameFeed.Motion"/> feed at most 320 px wide, 15 per second; on the
/// <see cref="FrameFeed.Native"/> feed a window of the sampled pictures at source resolution.
/// </summary>
public interface IFrameDetector
{
    IReadOnlySet<string> ItemTypes { get; }

    /// <summary>Which frames the detector is fed; the motion feed is only decoded into when such a detector runs.</summary>
    FrameFeed Feed => FrameFeed.Sampled;

    /// <summary>Starts a detection over one input; the run is fed frames in time order, then completed once.</summary>
    IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight);
}

public interface IFrameDetectorRun : IDisposable
{
    /// <param name="time">The frame's time in seconds from the first decoded frame.</param>
    /// <param name="gray">Width × height bytes, row-major, no padding.</param>
    void OnFrame(double time, ReadOnlySpan<byte> gray);

    QcReport Complete();
}

/// <summary>The gray frame feeds of the content pass (<see cref="ContentGraph"/>).</summary>
public enum FrameFeed
{
    /// <summary>The sampled analysis copy: 2 frames per second, at most 640 px wide.</summary>
    Sampled,

    /// <summary>A small copy for motion between consecutive frames: 15 frames per second, at most 320 px wide.</summary>
    Motion,

    /// <summary>
    /// The sampled pictures (2 per second) at the source's own resolution, so the coded block grid is kept: the sampled
    /// feed itself when the source is at most 640 px wide, else a centred 640 × 360 crop whose corner is on the 16-px
    /// macroblock grid (<see cref="ContentGraph.NativeWindow"/>).
    /// </summary>
    Native,
}
