using System.Security.Cryptography;
using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>The content pass counts each frame detector's thread CPU in OnFrame, per detector.</summary>
public class ContentInspectorCostTests
{
    /// <summary>Hashes every frame 100 times: a fixed, measurable amount of CPU per frame.</summary>
    private sealed class BurnFrameDetector : IFrameDetector
    {
        public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "QRCode" };

        public int Frames { get; private set; }

        public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight) => new Run(this);

        private sealed class Run(BurnFrameDetector owner) : IFrameDetectorRun
        {
            public void OnFrame(double time, ReadOnlySpan<byte> gray)
            {
                Span<byte> hash = stackalloc byte[32];
                for (var i = 0; i < 100; i++)
                {
                    SHA256.HashData(gray, hash);
                }

                owner.Frames++;
            }

            public QcReport Complete() => new();

            public void Dispose() { }
        }
    }

    /// <summary>Blocks 30 ms on every frame without computing: wall time spent, next to no CPU.</summary>
    private sealed class WaitFrameDetector : IFrameDetector
    {
        public IReadOnlySet<string> ItemTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "BarCode" };

        public int Frames { get; private set; }

        public IFrameDetectorRun Start(QcInspection inspection, int frameWidth, int frameHeight) => new Run(this);

        private sealed class Run(WaitFrameDetector owner) : IFrameDetectorRun
        {
            private readonly ManualResetEventSlim never = new(false);

            public void OnFrame(double time, ReadOnlySpan<byte> gray)
            {
                never.Wait(TimeSpan.FromMilliseconds(30));
                owner.Frames++;
            }

            public QcReport Complete() => new();

            public void Dispose() => never.Dispose();
        }
    }

    [Fact]
    public async Task Inspect_WithDetectorCpu_CountsEachDetectorsThreadCpuNotItsWaiting()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await TestMedia.GenerateAsync(dir.Path, "clip.mp4",
            ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        var probe = await media.Prober.ProbeAsync(clip, CancellationToken.None);
        var (burn, wait) = (new BurnFrameDetector(), new WaitFrameDetector());
        var inspector = new ContentInspector(media.Options, media.Runner, [burn, wait]);
        var cost = new ContentInspector.DetectorCpu();

        await inspector.InspectAsync(new QcInspection(clip, probe, [new QcItemRequest("QRCode"), new QcItemRequest("BarCode")], dir.File("work")),
            new Progress<double>(), cost, CancellationToken.None);

        Assert.Equal((8, 8), (burn.Frames, wait.Frames));
        Assert.Equal(["Burn", "Wait"], cost.Seconds.Keys);
        // 8 frames × 100 SHA-256 of 230 kB = 184 MB hashed: well over 50 ms of CPU on any machine; 8 × 30 ms of waiting is
        // 240 ms of wall but (nearly) no CPU.
        Assert.True(cost.Seconds["Burn"] > 0.05, $"Burn {cost.Seconds["Burn"]} s");
        Assert.True(cost.Seconds["Wait"] < 0.03, $"Wait {cost.Seconds["Wait"]} s");
    }
}
