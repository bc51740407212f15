using OpenCvSharp;

namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// <c>Jitter</c> (camera shake), fed the <see cref="FrameFeed.Motion"/> frames (15 per second, ≤ 320 px): the global
/// shift between consecutive frames by phase correlation (<c>Cv2.PhaseCorrelate</c> with a Hanning window), scaled to
/// a 320 px wide picture; shifts whose correlation peak is weaker than <see cref="MinResponse"/> (flat or cut pictures)
/// count as no motion. <see cref="CameraShake"/> turns the shifts into shake spans (threshold: reversals per second,
/// default 3, of moves ≥ 2 px); runs of flagged frames lasting the minimum duration (default 1 s) are findings.
/// <c>IntervalTime</c> does not apply (motion needs consecutive frames).
/// </summary>
public sealed class JitterFrameDetector : IFrameDetector
{
    public const double DefaultMinDuration = 1, MinResponse = 0.1;

    public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "Jitter" };

    public FrameFeed Feed => FrameFeed.Motion;

    public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var item = inspection.Items.FirstOrDefault(i => i.Type == "Jitter") ?? new QcItemRequest("Jitter");
        var rate = FrameItemSettings.Threshold(item, CameraShake.DefaultReversalsPerSecond, "direction reversals per second of moves ≥ 2 px at 320 px (≥)");
        if (rate <= 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"Jitter: Threshold '{item.Threshold}' must be above 0 (reversals per second).");
        }

        return new Run(frameWidth, frameHeight, rate, item.MinDuration ?? DefaultMinDuration);
    }

    private sealed class Run : IFrameDetectorRun
    {
        private readonly int width, height;
        private readonly double rate, minDuration, scale;
        private readonly Mat window = new();
        private readonly List<FrameMotion> motions = [];
        private Mat? previous;

        public Run(int width, int height, double rate, double minDuration)
        {
            (this.width, this.height, this.rate, this.minDuration) = (width, height, rate, minDuration);
            scale = width > 0 ? (double)ContentGraph.MotionWidth / width : 1;
            Cv2.CreateHanningWindow(window, new Size(width, height), MatType.CV_32F);
        }

        public void OnFrame(double time, ReadOnlySpan<byte> gray)
        {
            using var frame = Mat.FromPixelData(height, width, MatType.CV_8UC1, gray.ToArray());
            var current = new Mat();
            frame.ConvertTo(current, MatType.CV_32F);
            if (previous is null)
            {
                motions.Add(new FrameMotion(time, 0, 0));
            }
            else
            {
                var shift = Cv2.PhaseCorrelate(previous, current, window, out var response);
                motions.Add(response >= MinResponse ? new FrameMotion(time, shift.X * scale, shift.Y * scale) : new FrameMotion(time, 0, 0));
                previous.Dispose();
            }

            previous = current;
        }

        public QcReport Complete()
        {
            var flags = CameraShake.Flags(motions, CameraShake.DefaultMinShift, rate);
            var runs = new FrameRuns("Jitter", minDuration, null);
            for (var i = 0; i < motions.Count; i++)
            {
                runs.Add(motions[i].Time, flags[i]);
            }

            return new QcReport { Findings = runs.Complete() };
        }

        public void Dispose()
        {
            previous?.Dispose();
            window.Dispose();
        }
    }
}
