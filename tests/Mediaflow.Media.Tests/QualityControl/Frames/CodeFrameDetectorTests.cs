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

    /// <summary><paramref name="image"/> over testsrc2 from 2 to 3 s at (x, y), or turned 90° clockwise first.</summary>
    private Task<string> OverlayAsync(string image, int x, int y, bool turned = false) =>
        TestMedia.GenerateAsync(dir.Path, "overlay.mp4",
        [
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4", "-i", image,
            "-filter_complex", FormattableString.Invariant($"{(turned ? "[1:v]transpose=1[code];[0:v][code]" : "[0:v][1:v]")}overlay=x={x}:y={y}:enable='between(t,2,3)'"),
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p",
        ]);

    private static void Near(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");

    /// <summary>The only finding is a <paramref name="type"/> from 2 to 3 s (± 0.5 s) whose area is x1,y1,x2,y2 (± <paramref name="tolerance"/> px).</summary>
    private static void AssertOneFinding(IReadOnlyList<QcFinding> found, string type, double x1, double y1, double x2, double y2, double tolerance)
    {
        var finding = Assert.Single(found);
        Assert.Equal(type, finding.Type);
        Near(2, finding.StartTime, 0.5);
        Near(3, finding.EndTime, 0.5);
        var area = finding.Area!;
        Near(x1, area[0], tolerance);
        Near(y1, area[1], tolerance);
        Near(x2, area[2], tolerance);
        Near(y2, area[3], tolerance);
    }

    [Fact]
    public async Task Detect_QrOverlayFromTwoToThreeSeconds_OneFindingWithItsRangeAndArea()
    {
        var (qr, left, top, right, bottom) = CodeImages.Qr(dir.Path, "https://mediaflow.example/qc", 160);
        var found = (await DetectAsync(await OverlayAsync(qr, 400, 100), ["QRCode", "BarCode"])).Report.Findings;

        AssertOneFinding(found, "QRCode", 400 + left, 100 + top, 400 + right, 100 + bottom, 8);
    }

    [Fact]
    public async Task Detect_Code128OverlayFromTwoToThreeSeconds_OneFindingWithItsRangeAndArea()
    {
        // 3 px modules: 2.25 px in the 480×270 frames the detector sees.
        var (image, left, right, top, bottom) = CodeImages.Code128(dir.Path, "MF42", 3, 60);
        var found = (await DetectAsync(await OverlayAsync(image, 100, 200), ["QRCode", "BarCode"], 480, 270)).Report.Findings;

        AssertOneFinding(found, "BarCode", 100 + left, 200 + top, 100 + right, 200 + bottom, 8);
    }

    /// <summary>
    /// Barcodes on the edges of 640×360 frames, outside the middle band ZXing scans without TryHarder, and
    /// <see cref="CodeScanner.BarStep"/> (6) rows tall — the documented minimum — placed so that the one scanned row
    /// they cross is their first or their last: found, with their area. 2 px modules.
    /// </summary>
    [Theory]
    [InlineData(0, 20)]
    [InlineData(340, 20)]
    [InlineData(6, 6)]
    [InlineData(1, 6)]
    [InlineData(354, 6)]
    public async Task Detect_Code128AtTheEdgesOrSixRowsTall_FoundWithItsArea(int barsTop, int barHeight)
    {
        var (image, left, right, top, bottom) = CodeImages.Code128(dir.Path, "MF42", 2, barHeight);
        var found = (await DetectAsync(await OverlayAsync(image, 150, barsTop - top), ["BarCode"], 640, 360)).Report.Findings;

        AssertOneFinding(found, "BarCode", 150 + left, barsTop, 150 + right, barsTop + barHeight - 1, 4);
    }

    [Fact]
    public async Task Detect_Code128TurnedNinetyDegrees_FoundWithItsUprightArea()
    {
        // Turned clockwise, the bars lie horizontally: the code's length runs down the frame from y = 60.
        var (image, left, right, top, bottom) = CodeImages.Code128(dir.Path, "MF42", 2, 30);
        var found = (await DetectAsync(await OverlayAsync(image, 400, 60, turned: true), ["QRCode", "BarCode"], 640, 360)).Report.Findings;

        AssertOneFinding(found, "BarCode", 400 + top, 60 + left, 400 + bottom, 60 + right, 4);
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
