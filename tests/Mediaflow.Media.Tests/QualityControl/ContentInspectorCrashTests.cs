using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>
/// <c>CrashScreen</c> on real bitstream damage: a 4 s testsrc2 + tone H.264/AAC MPEG-TS whose video packets from 2.0 to
/// 2.5 s are damaged by ffmpeg's noise bitstream filter (the TS packets themselves stay intact, so the demuxer reads on
/// and the decoder conceals); the same stream undamaged gives no finding.
/// </summary>
public class ContentInspectorCrashTests
{
    public const double DamageStart = 2, DamageEnd = 2.5;

    internal static async Task<(string Clean, string Damaged)> ClipsAsync(string directory)
    {
        var clean = await TestMedia.GenerateAsync(directory, "clean.ts",
            ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=4",
             "-c:v", "libx264", "-preset", "ultrafast", "-crf", "16", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest"]);
        var damaged = await TestMedia.GenerateAsync(directory, "damaged.ts",
            ["-i", clean, "-map", "0", "-c", "copy", "-bsf:v", "noise=amount='if(between(pts*tb,2,2.5),1000,0)'"]);
        return (clean, damaged);
    }

    [Fact]
    public async Task Inspect_DamagedPackets_CrashScreenAtTheirTime()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var (_, damaged) = await ClipsAsync(dir.Path);

        var report = await InspectAsync(media, damaged, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        var crash = Assert.Single(report.Findings, f => f.Type == "CrashScreen");
        Assert.InRange(crash.StartTime, DamageStart - 0.5, DamageStart + 0.5);
        Assert.InRange(crash.EndTime, DamageEnd - 0.5, DamageEnd + 0.5);
        Assert.InRange(crash.Confidence, 50, 100);
        Assert.DoesNotContain("decoder -> ", report.LogTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_UndamagedStream_NoFinding()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var (clean, _) = await ClipsAsync(dir.Path);

        var report = await InspectAsync(media, clean, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task Inspect_ThresholdAboveTheDamagedFrames_NoFinding()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var (_, damaged) = await ClipsAsync(dir.Path);

        var higher = await InspectAsync(media, damaged, dir.File("w1"), [new QcItemRequest("CrashScreen", Threshold: "40")]);
        var only = await InspectAsync(media, damaged, dir.File("w2"), [new QcItemRequest("CrashScreen")]);

        Assert.Empty(higher.Findings);
        var crash = Assert.Single(only.Findings);
        Assert.Equal("CrashScreen", crash.Type);
    }
}
