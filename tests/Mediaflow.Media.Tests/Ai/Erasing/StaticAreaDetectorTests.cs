using Mediaflow.Media.Ai.Erasing;

namespace Mediaflow.Media.Tests.Ai.Erasing;

/// <summary>The pure detector on synthetic frames.</summary>
public class StaticAreaDetectorTests
{
    private static byte[][] Frames(Func<int, int, int, byte> pixel, int count = 6, int width = 40, int height = 20) =>
        [.. Enumerable.Range(0, count).Select(f => Enumerable.Range(0, width * height).Select(i => pixel(f, i % width, i / width)).ToArray())];

    [Fact]
    public void Detect_StaticBoxOnChangingPicture_ThatBox()
    {
        var frames = Frames((f, x, y) => x is >= 30 and < 36 && y is >= 2 and < 7 ? (byte)235 : (byte)((f * 40) + x));
        var area = Assert.Single(StaticAreaDetector.Detect(frames, 40, 20));
        Assert.Equal(new EraseRegion(30, 2, 6, 5), area);
    }

    [Fact]
    public void Detect_StillPictureOrTinySpot_Nothing()
    {
        Assert.Empty(StaticAreaDetector.Detect(Frames((_, x, _) => (byte)x), 40, 20));
        Assert.Empty(StaticAreaDetector.Detect(Frames((f, x, y) => x < 2 && y < 2 ? (byte)0 : (byte)((f * 40) + x)), 40, 20));
    }

    [Fact]
    public void ScaleAndClamp_BackToSourcePixelsInsideTheFrame()
    {
        var scaled = StaticAreaDetector.Scale(new EraseRegion(0, 2, 6, 5), 2, 2, 2);
        Assert.Equal(new EraseRegion(-2, 2, 16, 14), scaled);
        Assert.Equal(new EraseRegion(1, 2, 13, 14), scaled.ClampedTo(320, 180));
        Assert.Null(new EraseRegion(400, 10, 10, 10).ClampedTo(320, 180));
    }
}
