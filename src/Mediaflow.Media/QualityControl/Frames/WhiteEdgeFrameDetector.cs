namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// The white half of <c>BlackWhiteEdge</c> (the content pass's cropdetect finds the black borders): on every sampled gray
/// frame, <see cref="WhiteEdges.Depths"/> counts the white lines on each side; a side whose border is at least the item's
/// threshold (percent of the frame side, and 2 px) deep is flagged, runs of at least the minimum duration are findings
/// with the border rectangle in source pixels (the shallowest depth of the run) as <c>Area</c>. Thresholds, durations and
/// the sampling interval are the item's, as for the black borders.
/// </summary>
public sealed class WhiteEdgeFrameDetector : IFrameDetector
{
    public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "BlackWhiteEdge" };

    public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var item = ItemSettings.Resolve(inspection.Items)["BlackWhiteEdge"];
        var sourceWidth = inspection.Probe.Video?.Width is { } w and > 0 ? w : frameWidth;
        var sourceHeight = inspection.Probe.Video?.Height is { } h and > 0 ? h : frameHeight;
        return new Run(frameWidth, frameHeight, sourceWidth, sourceHeight, item);
    }

    private sealed class Run(int width, int height, long sourceWidth, long sourceHeight, ItemSettings item) : IFrameDetectorRun
    {
        private readonly List<(double Time, WhiteEdges.Sides? Depths)> frames = [];
        private double next = double.NegativeInfinity;

        public void OnFrame(double time, ReadOnlySpan<byte> gray)
        {
            if (time < next - 1e-6)
            {
                return;
            }

            next = time + (item.Interval ?? 0);
            frames.Add((time, WhiteEdges.Depths(gray, width, height)));
        }

        public QcReport Complete() => new() { Findings = WhiteEdges.Findings(frames, width, height, sourceWidth, sourceHeight, item) };

        public void Dispose()
        {
            // Managed only.
        }
    }
}
