using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>
/// The motion feed's range stretch moved out of swscale: area-scaled studio-range luma stretched by
/// <see cref="StudioRange"/> is within one code of what <c>scale=…:flags=area:in_range=tv:out_range=full</c> gave.
/// </summary>
public class StudioRangeTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(16, 0)]
    [InlineData(17, 1)]
    [InlineData(126, 128)]
    [InlineData(235, 255)]
    [InlineData(255, 255)]
    public void StretchToFull_MapsStudioEndsToFullEnds(byte studio, byte full)
    {
        Span<byte> luma = [studio];

        StudioRange.StretchToFull(luma);

        Assert.Equal(full, luma[0]);
    }

    [Fact]
    public async Task StretchToFull_AfterTheAreaScale_WithinOneCodeOfSwscalesConversion()
    {
        using var dir = new TempDirectory();
        var clip = await ContentInspectorFixture.PictureAsync(dir.Path, "src.mp4", "null");
        const string Motion = "[0:v:0]setpts=PTS-STARTPTS,fps=15,extractplanes=y,scale=w=320:h=180:flags=area";
        var swscale = await File.ReadAllBytesAsync(await TestMedia.GenerateAsync(dir.Path, "swscale.gray",
            ["-i", clip, "-filter_complex", Motion + ":in_range=tv:out_range=full,format=gray[o]", "-map", "[o]", "-f", "rawvideo"]));
        var studio = await File.ReadAllBytesAsync(await TestMedia.GenerateAsync(dir.Path, "studio.gray",
            ["-i", clip, "-filter_complex", Motion + ",format=gray[o]", "-map", "[o]", "-f", "rawvideo"]));

        Assert.Equal(75 * 320 * 180, swscale.Length);
        Assert.Equal(swscale.Length, studio.Length);
        Assert.True(MaxDifference(studio, swscale) > 10, "the unstretched frames differ from the full-range ones");
        StudioRange.StretchToFull(studio);
        Assert.InRange(MaxDifference(studio, swscale), 0, 1);
    }

    private static int MaxDifference(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
