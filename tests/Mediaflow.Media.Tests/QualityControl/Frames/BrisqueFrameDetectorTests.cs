using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Frames;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

/// <summary>OpenCV BRISQUE through the frame-detector contract on sharp and degraded versions of the same sources.</summary>
public sealed class BrisqueFrameDetectorTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    private async Task<QcReport> ScoreAsync(string source, string filter, string name, params QcItemRequest[] items)
    {
        var path = await TestMedia.GenerateAsync(dir.Path, name,
            ["-f", "lavfi", "-i", source, "-t", "4", "-vf", filter, "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-pix_fmt", "yuv420p"]);
        var probe = await media.Prober.ProbeAsync(path, CancellationToken.None);
        var inspection = new QcInspection(path, probe, items.Length > 0 ? items : [new QcItemRequest("LowEvaluation")], dir.Path);
        return (await GrayFrames.DetectAsync(new BrisqueFrameDetector(media.Options), inspection, 640, 360)).Report;
    }

    private const string Degrade = "gblur=sigma=4,noise=alls=50:allf=t";

    [Theory]
    [InlineData("testsrc2=size=640x360:rate=25")]
    [InlineData("mandelbrot=size=640x360:rate=25")]
    public async Task Detect_BlurredNoisyCopy_ScoresLowerThanTheSharpSource(string source)
    {
        var sharp = (await ScoreAsync(source, "null", "sharp.mp4")).Scores["QualityEvaluationScore"];
        var degraded = (await ScoreAsync(source, Degrade, "degraded.mp4")).Scores["QualityEvaluationScore"];
        Assert.InRange(sharp, 0, 100);
        Assert.InRange(degraded, 0, 100);
        Assert.True(sharp - degraded >= 8, $"sharp {sharp}, degraded {degraded}");
    }

    [Fact]
    public async Task Detect_DegradedThroughout_LowEvaluationOverTheClip()
    {
        var report = await ScoreAsync("testsrc2=size=640x360:rate=25", Degrade, "degraded.mp4");
        var finding = Assert.Single(report.Findings);
        Assert.Equal("LowEvaluation", finding.Type);
        Assert.Equal(0, finding.StartTime);
        Assert.Equal(4, finding.EndTime);
    }

    [Fact]
    public async Task Detect_SharpSource_NoLowEvaluation()
    {
        var report = await ScoreAsync("testsrc2=size=640x360:rate=25", "null", "sharp.mp4");
        Assert.True(report.Findings.Count == 0, $"score {report.Scores["QualityEvaluationScore"]}");
    }

    [Fact]
    public async Task Detect_ThresholdBelowEveryScore_NoLowEvaluation()
    {
        var report = await ScoreAsync("testsrc2=size=640x360:rate=25", Degrade, "degraded.mp4", new QcItemRequest("LowEvaluation", Threshold: "0"));
        Assert.Empty(report.Findings);
        Assert.True(report.Scores["QualityEvaluationScore"] > 0);
    }
}
