using System.Globalization;
using OpenCvSharp;
using OpenCvSharp.Quality;

namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// The no-reference score: OpenCV's BRISQUE (with the LIVE model Debian's <c>opencv-data</c> ships) on sampled frames,
/// one every <c>IntervalTime</c> (default 1 s), mapped to 0–100 by <see cref="QualityScoreWindows.FromBrisque"/>. The
/// mean is <c>QualityEvaluationScore</c>; runs below the item's Threshold are <c>LowEvaluation</c>.
/// </summary>
public sealed class BrisqueFrameDetector(MediaOptions options) : IFrameDetector
{
    public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "LowEvaluation" };

    public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var item = inspection.Items.FirstOrDefault(i => i.Type == "LowEvaluation") ?? new QcItemRequest("LowEvaluation");
        var threshold = item.Threshold is { Length: > 0 } t && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : QualityScoreWindows.DefaultThreshold;
        foreach (var file in new[] { options.BrisqueModelFile, options.BrisqueRangeFile })
        {
            if (!File.Exists(file))
            {
                throw MediaFailure.Internal($"the BRISQUE model file {file} is missing (Debian package opencv-data)");
            }
        }

        return new Run(
            QualityBRISQUE.Create(options.BrisqueModelFile, options.BrisqueRangeFile),
            frameWidth,
            frameHeight,
            threshold,
            item.MinDuration ?? QualityScoreWindows.DefaultMinDuration,
            item.Interval is > 0 ? item.Interval.Value : QualityScoreWindows.DefaultInterval);
    }

    private sealed class Run(QualityBRISQUE brisque, int width, int height, double threshold, double minDuration, double interval) : IFrameDetectorRun
    {
        private readonly List<(double Time, double Score)> scores = [];
        private double next = double.NegativeInfinity;

        public void OnFrame(double time, ReadOnlySpan<byte> gray)
        {
            if (gray.Length != width * height)
            {
                throw new ArgumentException($"a {width}×{height} gray frame has {width * height} bytes, not {gray.Length}", nameof(gray));
            }

            if (time < next - 1e-6)
            {
                return;
            }

            next = time + interval;
            using var frame = Mat.FromPixelData(height, width, MatType.CV_8UC1, gray.ToArray());
            scores.Add((time, QualityScoreWindows.FromBrisque(brisque.Compute(frame).Val0)));
        }

        public QcReport Complete() => new()
        {
            Findings = QualityScoreWindows.Low(scores, threshold, minDuration, interval),
            Scores = QualityScoreWindows.Mean(scores) is { } mean
                ? new Dictionary<string, double>(StringComparer.Ordinal) { ["QualityEvaluationScore"] = mean }
                : new Dictionary<string, double>(StringComparer.Ordinal),
        };

        public void Dispose() => brisque.Dispose();
    }
}
