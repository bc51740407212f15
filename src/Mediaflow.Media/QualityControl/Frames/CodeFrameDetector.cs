namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// QRCode and BarCode: every sampled frame is scanned with one <see cref="CodeScanner"/> per run, hits merged into time ranges by
/// <see cref="CodeTracks"/>, boxes in source pixels (the probe's displayed size). Confidence is 100: a ZXing decode has
/// passed the code's own error detection.
/// </summary>
public sealed class CodeFrameDetector : IFrameDetector
{
    public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "QRCode", "BarCode" };

    public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var sourceWidth = inspection.Probe.Video?.Width ?? frameWidth;
        var sourceHeight = inspection.Probe.Video?.Height ?? frameHeight;
        return new Run(
            new CodeScanner(frameWidth, frameHeight, inspection.Items.Any(i => i.Type == "QRCode"), inspection.Items.Any(i => i.Type == "BarCode")),
            new CodeTracks(sourceWidth / (double)frameWidth, sourceHeight / (double)frameHeight));
    }

    private sealed class Run(CodeScanner scanner, CodeTracks tracks) : IFrameDetectorRun
    {
        public void OnFrame(double time, ReadOnlySpan<byte> gray) => tracks.Add(time, scanner.Scan(gray));

        public QcReport Complete() => new() { Findings = tracks.Complete() };

        public void Dispose()
        {
            // Nothing native to release: ZXing is managed.
        }
    }
}
