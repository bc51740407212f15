using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>
/// <c>Jitter</c> on real ffmpeg: a textured picture shaken (a crop window moving 7 Hz back and forth) from 2.0 to 3.5 s
/// is found there (±0.5 s) and nothing else; a smooth pan (the crop window moving one way) is not a shake.
/// </summary>
public class ContentInspectorJitterTests
{
    private const string Shake = "crop=640:360:x='32+10*sin(2*PI*7*t)*between(t,2,3.5)':y='24+8*sin(2*PI*5*t)*between(t,2,3.5)'";

    [Theory]
    [InlineData("testsrc2=size=704x408:rate=30:duration=5")]
    [InlineData("mandelbrot=size=704x408:rate=30")]
    public async Task Inspect_Shake_FoundAtItsTimeAndNothingElse(string source)
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "shake.mp4", Shake, source);

        var report = await InspectAsync(media, clip, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        var finding = Assert.Single(report.Findings);
        Assert.Equal("Jitter", finding.Type);
        Assert.InRange(finding.StartTime, DefectStart - 0.5, DefectStart + 0.5);
        Assert.InRange(finding.EndTime, DefectEnd - 0.5, DefectEnd + 0.5);
        Assert.Contains("fps=fps=15/1", report.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_SmoothPan_NoJitter()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        // 90 px/s: 6 px per motion frame at 640 px, 3 px at the 320 px the shake is measured on, always the same way.
        var clip = await PictureAsync(dir.Path, "pan.mp4", "crop=640:360:x='8+90*t':y=0", "testsrc2=size=1120x360:rate=30:duration=5");

        var report = await InspectAsync(media, clip, dir.File("work"), [new QcItemRequest("Jitter")], PictureDetectors());

        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task Inspect_ShakeWithAHigherThresholdAndLongerDuration_NotReported()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "shake.mp4", Shake, "testsrc2=size=704x408:rate=30:duration=5");

        var strict = await InspectAsync(media, clip, dir.File("w1"), [new QcItemRequest("Jitter", Threshold: "40")], PictureDetectors());
        var longer = await InspectAsync(media, clip, dir.File("w2"), [new QcItemRequest("Jitter", MinDuration: 2.5)], PictureDetectors());

        Assert.Empty(strict.Findings);
        Assert.Empty(longer.Findings);
    }
}
