using Mediaflow.Domain.Templates;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

public class OutputGeometryTests
{
    [Theory]
    // Preset rung: short side 360, long side proportional, for landscape and portrait sources.
    [InlineData(1920, 1080, 0, 360, null, null, 640, 360)]
    [InlineData(1080, 1920, 0, 360, null, null, 360, 640)]
    // 0/0 = source (made even).
    [InlineData(321, 181, 0, 0, null, null, 322, 182)]
    // Open with both given on a portrait source: the frame turns with the source.
    [InlineData(720, 1280, 640, 360, "open", "stretch", 360, 640)]
    // Close: literal.
    [InlineData(720, 1280, 640, 360, "close", "stretch", 640, 360)]
    // One 0 keeps aspect, even.
    [InlineData(1000, 750, 0, 301, "close", null, 400, 300)]
    public void Compute_Frame(long sw, long sh, long w, long h, string? adaptive, string? fill, long expectedWidth, long expectedHeight)
    {
        var g = OutputGeometry.Compute(sw, sh, new VideoTemplateInfo { Width = w, Height = h, ResolutionAdaptive = adaptive, FillType = fill });
        Assert.Equal((expectedWidth, expectedHeight), (g.Width, g.Height));
        Assert.Equal(0, g.Width % 2);
        Assert.Equal(0, g.Height % 2);
    }

    [Fact]
    public void Compute_BlackFill_FitsAndPadsCentred()
    {
        var g = OutputGeometry.Compute(640, 360, new VideoTemplateInfo { Width = 640, Height = 480, ResolutionAdaptive = "close", FillType = "black" });
        Assert.Equal(new OutputGeometry(640, 480, 640, 360, 0, 60), g);
        Assert.True(g.Padded);
    }

    [Fact]
    public void Compute_Stretch_NoPad()
    {
        var g = OutputGeometry.Compute(640, 360, new VideoTemplateInfo { Width = 640, Height = 480, ResolutionAdaptive = "close", FillType = "stretch" });
        Assert.False(g.Padded);
        Assert.Equal((640, 480), (g.ScaledWidth, g.ScaledHeight));
    }
}
