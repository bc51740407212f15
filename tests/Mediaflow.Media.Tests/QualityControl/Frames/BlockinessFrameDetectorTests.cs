using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Frames;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

/// <summary>
/// Mosaic through the real content pass: 2.0–3.5 s of testsrc2 re-encoded as MPEG-2 at q 31 (real codec blocking)
/// between clean segments is found there and nowhere else; the meter itself on synthetic pictures.
/// </summary>
public sealed class BlockinessFrameDetectorTests
{
    /// <summary>testsrc2 5 s whose 2.0–3.5 s went through MPEG-2 at quantiser 31 (8×8 DCT, no deblocking), re-encoded clean.</summary>
    public static async Task<string> BlockyClipAsync(string directory, string size = "640x360")
    {
        var clean = await PictureAsync(directory, "clean.mp4", "null", $"testsrc2=size={size}:rate=25:duration=5");
        var blocky = await TestMedia.GenerateAsync(directory, "blocky.ts",
            ["-ss", "2", "-t", "1.5", "-i", clean, "-an", "-c:v", "mpeg2video", "-q:v", "31", "-qmin", "31", "-bf", "0"]);
        return await TestMedia.GenerateAsync(directory, "mosaic.mp4",
            ["-i", clean, "-i", blocky, "-filter_complex",
             "[0:v]split[a][c];[a]trim=0:2[a1];[1:v]setpts=PTS-STARTPTS[b1];[c]trim=3.5:5,setpts=PTS-STARTPTS[c1];[a1][b1][c1]concat=n=3[v]",
             "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "16", "-pix_fmt", "yuv420p"]);
    }

    [Fact]
    public async Task Inspect_MpegBlockingSegment_MosaicAtItsTimeAndNothingElse()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await BlockyClipAsync(dir.Path);

        var report = await InspectAsync(media, clip, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        var finding = Assert.Single(report.Findings);
        Assert.Equal("Mosaic", finding.Type);
        Assert.InRange(finding.StartTime, DefectStart - 0.5, DefectStart + 0.5);
        Assert.InRange(finding.EndTime, DefectEnd - 0.5, DefectEnd + 0.5);
    }

    /// <summary>
    /// A 1280×720 source: the sampled copy is scaled to 640 px (the grid is lost there), the native window is the centred
    /// 640×360 crop at source resolution, where the MPEG-2 blocking is found; the clean source around it stays clean.
    /// </summary>
    [Fact]
    public async Task Inspect_MpegBlockingSegmentOnA720pSource_MosaicAtItsTimeAndNothingElse()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await BlockyClipAsync(dir.Path, "1280x720");

        var report = await InspectAsync(media, clip, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        var finding = Assert.Single(report.Findings);
        Assert.Equal("Mosaic", finding.Type);
        Assert.InRange(finding.StartTime, DefectStart - 0.5, DefectStart + 0.5);
        Assert.InRange(finding.EndTime, DefectEnd - 0.5, DefectEnd + 0.5);
        Assert.Contains("crop=w=640:h=360:x=320:y=176", report.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_MosaicThresholdAboveTheBlockingScore_NoFinding()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await BlockyClipAsync(dir.Path);

        var report = await InspectAsync(media, clip, dir.File("work"), [new QcItemRequest("Mosaic", Threshold: "60")], PictureDetectors());

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Score_SmoothBlocksWithStepsBetween_HighAndGridAlignedEdgesOfFlatRegions_Low()
    {
        const int w = 64, h = 64;
        var blocks = new byte[w * h];
        var bars = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // Every 8×8 block a flat level a few codes off its neighbours (a quantised gradient)...
                blocks[(y * w) + x] = (byte)(100 + (4 * (x / 8)) + (3 * (y / 8)));
                // ...versus two flat regions meeting at a grid-aligned hard edge (colour bars).
                bars[(y * w) + x] = (byte)(x < 32 ? 40 : 200);
            }
        }

        Assert.Equal(100, BlockinessMeter.Score(blocks, w, h));
        Assert.Equal(0, BlockinessMeter.Score(bars, w, h));
        Assert.Equal(0, BlockinessMeter.Score(new byte[w * h], w, h));
    }
}
