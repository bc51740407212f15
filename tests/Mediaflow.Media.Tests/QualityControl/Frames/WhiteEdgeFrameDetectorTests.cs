using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Frames;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

/// <summary>White borders (BlackWhiteEdge) through the real content pass, with every picture item enabled.</summary>
public sealed class WhiteEdgeFrameDetectorTests
{
    [Fact]
    public async Task Inspect_WhiteLetterbox_TopAndBottomBordersWithTheirAreas()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "white-letterbox.mp4", "scale=640:270,pad=640:360:0:45:color=white");

        var report = await InspectAsync(media, clip, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        Assert.Equal(2, report.Findings.Count);
        Assert.All(report.Findings, f => Assert.Equal("BlackWhiteEdge", f.Type));
        Assert.All(report.Findings, f => Assert.InRange(f.StartTime, 0, 0.5));
        Assert.All(report.Findings, f => Assert.InRange(f.EndTime, 4.5, 5));
        var areas = report.Findings.Select(f => f.Area!).OrderBy(a => a[1]).ToList();
        Assert.Equal([0, 0, 640], areas[0].Take(3));
        Assert.InRange(areas[0][3], 43, 46);
        Assert.InRange(areas[1][1], 314, 317);
        Assert.Equal([640, 360], areas[1].Skip(2));
    }

    [Fact]
    public async Task Inspect_WhitePillarboxFromTwoSeconds_LeftAndRightAtItsTime()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await PictureAsync(dir.Path, "white-pillarbox.mp4",
            "drawbox=x=0:y=0:w=80:h=360:color=white:t=fill:" + Defect + ",drawbox=x=560:y=0:w=80:h=360:color=white:t=fill:" + Defect);

        var report = await InspectAsync(media, clip, dir.File("work"), [.. AllPictureItems()], PictureDetectors());

        Assert.Equal(2, report.Findings.Count);
        Assert.All(report.Findings, f =>
        {
            Assert.Equal("BlackWhiteEdge", f.Type);
            Assert.InRange(f.StartTime, DefectStart - 0.5, DefectStart + 0.5);
            Assert.InRange(f.EndTime, DefectEnd - 0.5, DefectEnd + 0.5);
        });
        var areas = report.Findings.Select(f => f.Area!).OrderBy(a => a[0]).ToList();
        Assert.Equal([0, 0, 80, 360], areas[0]);
        Assert.Equal([560, 0, 640, 360], areas[1]);
    }

    [Fact]
    public void Depths_WhiteFrameIsNoBorderAndBrightDetailIsNoBorder()
    {
        const int w = 32, h = 16;
        var white = Enumerable.Repeat((byte)255, w * h).ToArray();
        var framed = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // Two white rows on top; below them bright but detailed rows (stripes 210/250) and a dark centre.
                framed[(y * w) + x] = y < 2 ? (byte)255 : x < 4 ? (byte)(x % 2 == 0 ? 210 : 250) : (byte)60;
            }
        }

        Assert.Null(WhiteEdges.Depths(white, w, h));
        Assert.Equal(new WhiteEdges.Sides(2, 0, 0, 0), WhiteEdges.Depths(framed, w, h));
    }
}
