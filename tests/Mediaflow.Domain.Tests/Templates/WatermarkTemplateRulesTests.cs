using Mediaflow.Domain.Templates;
using Mediaflow.Domain.Tests.Orchestrations;

namespace Mediaflow.Domain.Tests.Templates;

/// <summary>Watermark template rules (reference/mps-api.md §13.6) and the lengths they use.</summary>
public class WatermarkTemplateRulesTests
{
    // A 1×1 PNG.
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static WatermarkTemplate Image(string? width = null, string? height = null, string? repeat = null) => new()
    {
        Type = "image",
        ImageTemplate = new ImageWatermarkTemplate { ImageContent = Png, Width = width, Height = height, RepeatType = repeat },
    };

    [Fact]
    public void ValidateWatermark_ValidImageTextSvg_Accepted()
    {
        WatermarkTemplateRules.ValidateWatermark(Image("10%", "0px", "once") with { CoordinateOrigin = "BottomRight", XPos = "2.5%", YPos = "8px" });
        WatermarkTemplateRules.ValidateWatermark(new WatermarkTemplate
        {
            Type = "text",
            TextTemplate = new TextWatermarkTemplate { FontType = "simkai.ttf", FontSize = "24px", FontColor = "0xFFaa00", FontAlpha = 0.5, TextContent = "水印" },
        });
        WatermarkTemplateRules.ValidateWatermark(new WatermarkTemplate { Type = "svg", SvgTemplate = new SvgWatermarkTemplate { Width = "10S%", Height = "0px" } });
    }

    [Theory]
    [InlineData("4px", null, "InvalidParameterValue.Width")]
    [InlineData("5000px", null, "InvalidParameterValue.Width")]
    [InlineData("0%", null, "InvalidParameterValue.Width")]
    [InlineData("10W%", null, "InvalidParameterValue.Width")]
    [InlineData("10%", "120%", "InvalidParameterValue.Height")]
    [InlineData("10%", "3px", "InvalidParameterValue.Height")]
    public void ValidateWatermark_ImageSizeOutOfRange_NamesTheField(string width, string? height, string code) =>
        Refusal.Expect(code, () => WatermarkTemplateRules.ValidateWatermark(Image(width, height)));

    [Fact]
    public void ValidateWatermark_BadFontSizeOrOrigin_NamesTheField()
    {
        var text = new WatermarkTemplate { Type = "text", TextTemplate = new TextWatermarkTemplate { FontType = "arial.ttf", FontSize = "0px", FontColor = "0xFFFFFF", FontAlpha = 1 } };
        Refusal.Expect("InvalidParameterValue.FontSize", () => WatermarkTemplateRules.ValidateWatermark(text));
        Refusal.Expect("InvalidParameterValue.CoordinateOrigin", () => WatermarkTemplateRules.ValidateWatermark(Image() with { CoordinateOrigin = "Center" }));
        Refusal.Expect("InvalidParameterValue.XPos", () => WatermarkTemplateRules.ValidateWatermark(Image() with { XPos = "10W%" }));
    }

    [Fact]
    public void DecodeImage_PngJpegGifOrNothing()
    {
        Assert.NotNull(WatermarkTemplateRules.DecodeImage(Png));
        Assert.NotNull(WatermarkTemplateRules.DecodeImage(Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 0, 0])));
        Assert.NotNull(WatermarkTemplateRules.DecodeImage(Convert.ToBase64String("GIF89a"u8.ToArray())));
        Assert.Null(WatermarkTemplateRules.DecodeImage(Convert.ToBase64String("BM\0\0\0\0"u8.ToArray())));
        Assert.Null(WatermarkTemplateRules.DecodeImage("not base64!"));
    }

    [Theory]
    [InlineData("12px", false, 12, 12)]
    [InlineData("25%", false, 80, 45)]
    [InlineData("50W%", true, 160, 160)]
    [InlineData("50H%", true, 90, 90)]
    [InlineData("50S%", true, 90, 90)]
    [InlineData("50L%", true, 160, 160)]
    public void WatermarkLength_ToPixels_On320x180(string text, bool svg, double asX, double asY)
    {
        Assert.True(WatermarkLength.TryParse(text, svg, out var length));
        Assert.Equal(asX, length.ToPixels(320, 320, 180), 6);
        Assert.Equal(asY, length.ToPixels(180, 320, 180), 6);
    }

    [Theory]
    [InlineData("10W%")]
    [InlineData("-5px")]
    [InlineData("5")]
    [InlineData("")]
    public void WatermarkLength_TryParse_RefusesOutsideTheUnits(string text) =>
        Assert.False(WatermarkLength.TryParse(text, svgUnits: false, out _));
}
