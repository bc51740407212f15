using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Media.Tests.Watermarks;

/// <summary>The watermark graph as rendered text: what each template field becomes (pure; no ffmpeg).</summary>
public class WatermarkGraphTests
{
    private static WatermarkLayer Image(string origin, string x = "10px", string y = "5%", string? width = "32px", string? height = null) => new()
    {
        Template = new WatermarkTemplate
        {
            Type = "image", CoordinateOrigin = origin, XPos = x, YPos = y,
            ImageTemplate = new ImageWatermarkTemplate { Width = width, Height = height },
        },
        ImagePath = "/w/image_0.png",
        ImageFormat = "png_pipe",
    };

    private static string Render(VideoMarks marks, double duration = 10, double shift = 0, string? pixelFormat = null) =>
        FfmpegArgumentRenderer.RenderGraph(WatermarkGraph.Build("in", "out", 640, 360, marks, duration, 1, "p", pixelFormat, shift).Chains);

    [Theory]
    [InlineData("TopLeft", "x='10':y='18'")]
    [InlineData("TopRight", "x='W-w-10':y='18'")]
    [InlineData("BottomLeft", "x='10':y='H-h-18'")]
    [InlineData("BottomRight", "x='W-w-10':y='H-h-18'")]
    public void Build_ImageAtOrigin_OverlayFromThatCorner(string origin, string position) =>
        Assert.Equal($"[1:v:0]scale=w=32:h=-1,format=pix_fmts=rgba[pm1];[in][pm1]overlay={position}:format=auto[out]", Render(new VideoMarks { Watermarks = [Image(origin)] }));

    [Fact]
    public void Build_ImageInputAndWindow_ForcedDemuxerAndEnable()
    {
        var layer = Image("TopLeft", width: "10%", height: "20%") with { StartTimeOffset = 2, EndTimeOffset = -1 };

        var part = WatermarkGraph.Build("in", "out", 640, 360, new VideoMarks { Watermarks = [layer] }, 10, 3, "p", "yuv420p10le");

        var input = Assert.Single(part.Inputs);
        Assert.Equal(("/w/image_0.png", "png_pipe"), (input.Path, input.Format));
        Assert.Equal("[3:v:0]scale=w=64:h=72,format=pix_fmts=rgba[pm1];[in][pm1]overlay=x='10':y='18':format=auto:enable='between(t,2,9)',format=pix_fmts=yuv420p10le[out]",
            FfmpegArgumentRenderer.RenderGraph(part.Chains));
    }

    [Fact]
    public void Build_TextAtBottomRight_DrawTextWithFontColourAndAlpha()
    {
        var layer = new WatermarkLayer
        {
            Template = new WatermarkTemplate
            {
                Type = "text", CoordinateOrigin = "BottomRight", XPos = "5%", YPos = "4px",
                TextTemplate = new TextWatermarkTemplate { FontType = "simkai.ttf", FontSize = "24px", FontColor = "0x00FF00", FontAlpha = 0.5 },
            },
            TextPath = "/w/text_0.txt",
            FontFile = "/fonts/cjk.ttc",
        };

        Assert.Equal("[in]drawtext=fontfile=/fonts/cjk.ttc:textfile=/w/text_0.txt:expansion=none:fontsize=24:fontcolor=0x00FF00@0.5:x='w-tw-32':y='h-th-4'[out]",
            Render(new VideoMarks { Watermarks = [layer] }));
    }

    [Fact]
    public void Build_MosaicThenWatermark_MosaicUnderTheMark()
    {
        var marks = new VideoMarks { Mosaics = [new MosaicInput { XPos = "11px", YPos = "10%", StartTimeOffset = 1 }], Watermarks = [Image("TopLeft")] };

        // 10% of 640×360 = 64×36 at (10, 36) (even), blocks of 36/8 = 4 px; the screenshot shift moves the window.
        Assert.Equal(
            "[in]split=outputs=2[pm0][pm1];[pm1]crop=w=64:h=36:x=10:y=36,pixelize=width=4:height=4:mode=avg[pm2];"
            + "[pm0][pm2]overlay=x='10':y='36':format=auto:enable='gte(t,0.5)'[pm3];"
            + "[1:v:0]scale=w=32:h=-1,format=pix_fmts=rgba[pm5];[pm3][pm5]overlay=x='10':y='18':format=auto[out]",
            Render(marks, shift: 0.5));
    }

    [Theory]
    [InlineData("600px", "340px", "100px", "100px", 600L, 340L, 40L, 20L)]
    [InlineData("0px", "0px", "100%", "100%", 0L, 0L, 640L, 360L)]
    [InlineData("640px", "0px", "10%", "10%", -1L, 0L, 0L, 0L)]
    public void MosaicRectangle_ClippedToTheFrameAndEven(string x, string y, string w, string h, long ex, long ey, long ew, long eh)
    {
        var rect = WatermarkGraph.MosaicRectangle(new MosaicInput { XPos = x, YPos = y, Width = w, Height = h }, 640, 360);

        if (ex < 0)
        {
            Assert.Null(rect);
        }
        else
        {
            Assert.Equal(new MosaicRectangle(ex, ey, ew, eh), rect);
        }
    }

    [Fact]
    public void Append_NoMarks_GraphUnchanged_MarksRelabelTheEnd()
    {
        List<FilterChain> graph = [new(["0:v:0"], [new ScaleFilter(640, 360)], ["vout"])];

        Assert.Same(graph, WatermarkGraph.Append(graph, "vout", VideoMarks.None, 640, 360, 10, 1, "yuv420p").Graph);
        var (marked, inputs) = WatermarkGraph.Append(graph, "vout", new VideoMarks { Watermarks = [Image("TopLeft")] }, 640, 360, 10, 1, "yuv420p");
        Assert.Single(inputs);
        Assert.Equal("[0:v:0]scale=w=640:h=360[mfmarksin];[1:v:0]scale=w=32:h=-1,format=pix_fmts=rgba[mfwmm1];[mfmarksin][mfwmm1]overlay=x='10':y='18':format=auto,format=pix_fmts=yuv420p[vout]",
            FfmpegArgumentRenderer.RenderGraph(marked));
    }

    [Theory]
    [InlineData(0, 0, 10, 0, null)]
    [InlineData(2, 0, 10, 0, "gte(t,2)")]
    [InlineData(0, 4, 10, 0, "between(t,0,4)")]
    [InlineData(-3, -1, 10, 0, "between(t,7,9)")]
    [InlineData(1, 2, 10, 1.5, "between(t,-0.5,0.5)")]
    public void Enable_Window_Expression(double start, double end, double duration, double shift, string? expected) =>
        Assert.Equal(expected, WatermarkWindow.Enable(start, end, duration, shift));
}
