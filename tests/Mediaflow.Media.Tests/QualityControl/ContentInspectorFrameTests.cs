using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>The content pass feeds sampled gray frames to the frame detectors from its own decode.</summary>
public class ContentInspectorFrameTests
{
    /// <summary>Records what it is fed; reports one finding per frame darker than 30 so the report path is checked too.</summary>
    private sealed class RecordingDetector : IFrameDetector
    {
        public List<(double Time, int Width, int Height, int Bytes, double Mean)> Frames { get; } = [];

        public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "QRCode" };

        public QcInspection? Started { get; private set; }

        public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight)
        {
            Started = inspection;
            return new Run(this, frameWidth, frameHeight);
        }

        private sealed class Run(RecordingDetector owner, int width, int height) : IFrameDetectorRun
        {
            public void OnFrame(double time, ReadOnlySpan<byte> gray)
            {
                long sum = 0;
                foreach (var b in gray)
                {
                    sum += b;
                }

                owner.Frames.Add((time, width, height, gray.Length, sum / (double)gray.Length));
            }

            public QcReport Complete() => new()
            {
                Findings = [.. owner.Frames.Where(f => f.Mean < 30).Select(f => new QcFinding("QRCode", f.Time, f.Time + 0.5, 90))],
                Scores = new Dictionary<string, double> { ["QualityEvaluationScore"] = 42 },
            };

            public void Dispose() { }
        }
    }

    [Fact]
    public async Task Inspect_FrameDetectorItemEnabled_FedTwoGrayFramesPerSecondAtMost640Wide()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await TestMedia.GenerateAsync(dir.Path, "hd.mp4",
            ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=4", "-vf", "drawbox=color=black:t=fill:enable='between(t,2,3)'",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        var detector = new RecordingDetector();

        var report = await InspectAsync(media, clip, dir.File("work"), [new QcItemRequest("QRCode"), new QcItemRequest("Blur")], [detector]);

        Assert.Equal([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], detector.Frames.Select(f => f.Time));
        Assert.All(detector.Frames, f => Assert.Equal((640, 360, 640 * 360), (f.Width, f.Height, f.Bytes)));
        Assert.Equal(["QRCode"], detector.Started!.Items.Select(i => i.Type));
        // The black box is in the frames at 2.0 and 2.5 only (studio-range black, Y = 16).
        Assert.Equal([2, 2.5], detector.Frames.Where(f => f.Mean < 30).Select(f => f.Time));
        Assert.Equal([2, 2.5], report.Findings.Where(f => f.Type == "QRCode").Select(f => f.StartTime));
        Assert.Equal(42, report.Scores["QualityEvaluationScore"]);
        Assert.DoesNotContain(report.Findings, f => f.Type == "Blur");
    }

    /// <summary>Throws on its third frame.</summary>
    private sealed class FailingDetector : IFrameDetector
    {
        public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "BarCode" };

        public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight) => new Run();

        private sealed class Run : IFrameDetectorRun
        {
            private int frames;

            public void OnFrame(double time, ReadOnlySpan<byte> gray)
            {
                if (++frames == 3)
                {
                    throw new InvalidOperationException("decoder exploded");
                }
            }

            public QcReport Complete() => new();

            public void Dispose() { }
        }
    }

    [Fact]
    public async Task Inspect_FrameDetectorThrows_MediaFailureNamingItAndNoFfmpegLeft()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "clean.mp4", "null");

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => InspectAsync(media, clip, dir.File("work"), [new QcItemRequest("BarCode")], [new FailingDetector()]));

        Assert.Contains("decoder exploded", failure.Message, StringComparison.Ordinal);
        Assert.Empty(media.Registry.RunningProcessIds);
        Assert.Empty(Directory.GetFiles(dir.File("work")));
    }

    [Fact]
    public async Task Inspect_OnlyContentItems_NoFramesFed()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "clean.mp4", "null");
        var detector = new RecordingDetector();

        await InspectAsync(media, clip, dir.File("work"), [new QcItemRequest("Blur")], [detector]);

        Assert.Empty(detector.Frames);
        Assert.Null(detector.Started);
    }

    [Fact]
    public void ItemTypes_ContentItemsAndTheFrameDetectorsItems()
    {
        var inspector = new ContentInspector(new MediaOptions(), null!, [new RecordingDetector()]);

        Assert.Contains("QRCode", inspector.ItemTypes);
        Assert.Contains("Freeze", inspector.ItemTypes);
        Assert.Contains("CrashScreen", inspector.ItemTypes);

        // Jitter and Mosaic come from their own frame detectors, which this inspector was not given.
        Assert.DoesNotContain("Jitter", inspector.ItemTypes);
        Assert.DoesNotContain("Mosaic", inspector.ItemTypes);
    }
}
