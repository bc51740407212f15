using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>
/// The content pass on real ffmpeg: each picture defect generated at 2.0–3.5 s on testsrc2 is found with its type and
/// time range (±0.5 s), and with every content item enabled nothing else is reported.
/// </summary>
public class ContentInspectorPictureTests
{
    [Theory]
    [InlineData("SolidColorScreen", "drawbox=color=black:t=fill:" + Defect)]
    [InlineData("Blur", "gblur=sigma=4:" + Defect)]
    [InlineData("LowLighting", "lutyuv=y=16+(val-16)*0.15:" + Defect)]
    [InlineData("HighLighting", "lutyuv=y=235-(235-val)*0.12:" + Defect)]
    [InlineData("Noise", "noise=alls=30:allf=t:" + Defect)]
    [InlineData("Freeze", "split[a][b];[a][b]freezeframes=first=50:last=87:replace=50")]
    public async Task Inspect_PictureDefect_FoundAtItsTimeAndNothingElse(string type, string filter)
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "defect.mp4", filter);

        var report = await InspectAsync(media, clip, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(type, finding.Type);
        Assert.InRange(finding.StartTime, DefectStart - 0.5, DefectStart + 0.5);
        Assert.InRange(finding.EndTime, DefectEnd - 0.5, DefectEnd + 0.5);
    }

    [Fact]
    public async Task Inspect_Letterbox_TopAndBottomBordersWithTheirAreas()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "letterbox.mp4", "scale=640:270,pad=640:360:0:45");

        var report = await InspectAsync(media, clip, dir.File("work"));

        Assert.All(report.Findings, f => Assert.Equal("BlackWhiteEdge", f.Type));
        Assert.Equal(2, report.Findings.Count);
        Assert.All(report.Findings, f => Assert.InRange(f.StartTime, 0, 0.5));
        Assert.All(report.Findings, f => Assert.InRange(f.EndTime, 4.5, 5));
        var areas = report.Findings.Select(f => f.Area!).OrderBy(a => a[1]).ToList();
        // Top border: rows 0..44 (45 px; cropdetect rounds to even), bottom: rows 315..359.
        Assert.Equal(0, areas[0][0]);
        Assert.Equal(0, areas[0][1]);
        Assert.Equal(640, areas[0][2]);
        Assert.InRange(areas[0][3], 43, 46);
        Assert.InRange(areas[1][1], 313, 316);
        Assert.Equal(640, areas[1][2]);
        Assert.Equal(360, areas[1][3]);
    }

    [Fact]
    public async Task Inspect_ThresholdAndDurationFromTheTemplate_Respected()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "blur.mp4", "gblur=sigma=4:" + Defect);

        var higher = await InspectAsync(media, clip, dir.File("w1"), [new QcItemRequest("Blur", Threshold: "20")]);
        var longer = await InspectAsync(media, clip, dir.File("w2"), [new QcItemRequest("Blur", MinDuration: 2)]);
        var lower = await InspectAsync(media, clip, dir.File("w3"), [new QcItemRequest("Blur", Threshold: "3.5")]);

        Assert.Empty(higher.Findings);
        Assert.Empty(longer.Findings);
        Assert.Contains(lower.Findings, f => f.Type == "Blur" && f.StartTime < 0.5);
    }

    [Fact]
    public async Task Inspect_IntervalTime_OnlyThePicturesItSamplesAreJudged()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "blur.mp4", "gblur=sigma=4:" + Defect);
        var blocky = await Frames.BlockinessFrameDetectorTests.BlockyClipAsync(dir.Path);

        // Every 1.5 s: pictures at 0, 1.5, 3.0 and 4.5 are judged; only 3.0 lies in the 2.0–3.5 s defect, and it stands
        // for the 1.5 s up to the next judged picture.
        var every = await InspectAsync(media, clip, dir.File("w1"), [new QcItemRequest("Blur", Interval: 1.5)]);
        var mosaic = await InspectAsync(media, blocky, dir.File("w2"), [new QcItemRequest("Mosaic", Interval: 1.5)], PictureDetectors());

        foreach (var (report, type) in new[] { (every, "Blur"), (mosaic, "Mosaic") })
        {
            var finding = Assert.Single(report.Findings);
            Assert.Equal(type, finding.Type);
            Assert.Equal(3.0, finding.StartTime);
            Assert.Equal(4.5, finding.EndTime);
        }
    }

    [Fact]
    public async Task Inspect_ThresholdNotANumber_PermanentConfigurationFailure()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "clean.mp4", "null");

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => InspectAsync(media, clip, dir.File("w"), [new QcItemRequest("Blur", Threshold: "high")]));

        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
        Assert.Contains("Blur", failure.Message, StringComparison.Ordinal);
    }
}
