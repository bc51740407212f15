using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Frames;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

/// <summary>
/// QR and bar codes overlaid on a 640×360 source from 2 to 3 s, fed as 320×180 gray frames at 2 fps (as the content
/// pass does): found with that time range and the overlay's area in source pixels; clean sources give nothing.
/// </summary>
public sealed class CodeFrameDetectorTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    private async Task<QcReportView> DetectAsync(string path, string[] items, int width = 320, int height = 180)
    {
        var probe = await media.Prober.ProbeAsync(path, CancellationToken.None);
        var inspection = new QcInspection(path, probe, [.. items.Select(i => new QcItemRequest(i))], dir.Path);
        return await GrayFrames.DetectAsync(new CodeFrameDetector(), inspection, width, height);
    }

    private Task<string> OverlayAsync(string image, int x, int y) =>
        TestMedia.GenerateAsync(dir.Path, "overlay.mp4",
        [
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4", "-i", image,
            "-filter_complex", FormattableString.Invariant($"[0:v][1:v]overlay=x={x}:y={y}:enable='between(t,2,3)'"),
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p",
        ]);

    private static void Near(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");

    [Fact]
    public async Task Detect_QrOverlayFromTwoToThreeSeconds_OneFindingWithItsRangeAndArea()
    {
        var (qr, left, top, right, bottom) = CodeImages.Qr(dir.Path, "https://mediaflow.example/qc", 160);
        var found = (await DetectAsync(await OverlayAsync(qr, 400, 100), ["QRCode", "BarCode"])).Report.Findings;

        var finding = Assert.Single(found, f => f.Type == "QRCode");
        Assert.Single(found);
        Near(2, finding.StartTime, 0.5);
        Near(3, finding.EndTime, 0.5);
        var area = finding.Area!;
        Near(400 + left, area[0], 8);
        Near(100 + top, area[1], 8);
        Near(400 + right, area[2], 8);
        Near(100 + bottom, area[3], 8);
    }

    [Fact]
    public async Task Detect_Code128OverlayFromTwoToThreeSeconds_OneFindingWithItsRangeAndArea()
    {
        // 3 px modules: 2.25 px in the 480×270 frames the detector sees.
        var (image, left, right, top, bottom) = CodeImages.Code128(dir.Path, "MF42", 3, 60);
        var found = (await DetectAsync(await OverlayAsync(image, 100, 200), ["QRCode", "BarCode"], 480, 270)).Report.Findings;

        var finding = Assert.Single(found);
        Assert.Equal("BarCode", finding.Type);
        Near(2, finding.StartTime, 0.5);
        Near(3, finding.EndTime, 0.5);
        var area = finding.Area!;
        Near(100 + left, area[0], 8);
        Near(200 + top, area[1], 8);
        Near(100 + right, area[2], 8);
        Near(200 + bottom, area[3], 8);
    }

    [Fact]
    public async Task Detect_QrOverlayButOnlyBarCodeEnabled_NoFinding()
    {
        var qr = CodeImages.Qr(dir.Path, "https://mediaflow.example/qc", 160).Path;
        var view = await DetectAsync(await OverlayAsync(qr, 400, 100), ["BarCode"]);
        Assert.Equal(8, view.Frames);
        Assert.Empty(view.Report.Findings);
    }

    [Theory]
    [InlineData("testsrc2=size=640x360:rate=25:duration=3")]
    [InlineData("mandelbrot=size=640x360:rate=25")]
    [InlineData("smptehdbars=size=640x360:rate=25:duration=3")]
    public async Task Detect_CleanSources_NoFinding(string source)
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "clean.mp4", ["-f", "lavfi", "-i", source, "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        var view = await DetectAsync(path, ["QRCode", "BarCode"]);
        Assert.Equal(6, view.Frames);
        Assert.Empty(view.Report.Findings);
    }
}
