namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// <c>Mosaic</c> (codec blockiness): <see cref="BlockinessMeter"/> on every sampled frame (one per the item's
/// <c>IntervalTime</c>, default every frame); runs of frames scoring at least the threshold (default
/// <see cref="DefaultThreshold"/> % blocky 8×8 blocks) lasting the minimum duration are findings. It reads the
/// <see cref="FrameFeed.Native"/> feed, so the 8×8 grid is the coded picture's: the whole sampled picture of a source
/// ≤ 640 px wide, the centred 640 × 360 window of a wider one (a downscaled copy loses the grid).
/// </summary>
public sealed class BlockinessFrameDetector : IFrameDetector
{
    public const double DefaultThreshold = 5, DefaultMinDuration = 1;

    public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "Mosaic" };

    public FrameFeed Feed => FrameFeed.Native;

    public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var item = inspection.Items.FirstOrDefault(i => i.Type == "Mosaic") ?? new QcItemRequest("Mosaic");
        var threshold = FrameItemSettings.Threshold(item, DefaultThreshold, "percentage of blocky 8×8 blocks among blocks with detail (≥)");
        return new Run(frameWidth, frameHeight, new FrameRuns("Mosaic", item.MinDuration ?? DefaultMinDuration, item.Interval), threshold);
    }

    private sealed class Run(int width, int height, FrameRuns runs, double threshold) : IFrameDetectorRun
    {
        public void OnFrame(double time, ReadOnlySpan<byte> gray)
        {
            if (runs.Due(time))
            {
                runs.Add(time, BlockinessMeter.Score(gray, width, height) >= threshold);
            }
        }

        public QcReport Complete() => new() { Findings = runs.Complete() };

        public void Dispose()
        {
            // Managed only.
        }
    }
}
