using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Media.Tests.Watermarks;

/// <summary>
/// Watermarks and mosaics drawn by real ffmpeg on 2 s, 320×180 lavfi sources; every output frame is decoded
/// independently and its pixels are checked (a red/green mark on a flat grey picture has a measurable bounding box).
/// </summary>
public sealed class WatermarkMediaTests : IAsyncDisposable
{
    private const int Tolerance = 2;
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private WatermarkPreparer Preparer => new(media.Runner, media.Options);

    private static readonly TranscodeTemplate Mp4 = new()
    {
        Container = "mp4",
        VideoTemplate = new VideoTemplateInfo { Codec = "h264", Fps = 25, Width = 320, Height = 180 },
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 64, SampleRate = 48000, AudioChannel = 2 },
    };

    private Task<string> GreyAsync() => TestMedia.GenerateAsync(dir.Path, "grey.mp4",
        ["-f", "lavfi", "-i", "color=c=0x404040:size=320x180:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"]);

    /// <summary>A base64 PNG of one solid colour.</summary>
    private async Task<string> PngAsync(string color, int width, int height)
    {
        var path = await TestMedia.GenerateAsync(dir.Path, $"{color}-{width}x{height}.png",
            ["-f", "lavfi", "-i", FormattableString.Invariant($"color=c={color}:size={width}x{height}"), "-frames:v", "1"]);
        return Convert.ToBase64String(await File.ReadAllBytesAsync(path));
    }

    private async Task<WatermarkTemplate> RedImageAsync(string origin = "TopLeft", string x = "10px", string y = "20px", string width = "32px", string? height = null) => new()
    {
        Definition = 1001,
        Type = "image",
        CoordinateOrigin = origin,
        XPos = x,
        YPos = y,
        ImageTemplate = new ImageWatermarkTemplate { ImageContent = await PngAsync("red", 32, 16), Width = width, Height = height, RepeatType = "repeat" },
    };

    private string Work() => Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private async Task<string> TranscodeAsync(string source, VideoMarks marks)
    {
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var result = await media.Executor.TranscodeAsync(new TranscodeRequest
        {
            SourcePath = source, Source = probe, Template = Mp4, WorkDirectory = Work(), OutputFileName = "out.mp4", Marks = marks,
        }, null, CancellationToken.None);
        return result.Files[0].LocalPath;
    }

    private async Task<VideoMarks> MarksAsync(params (WatermarkTemplate Template, WatermarkInput Input)[] watermarks) =>
        await Preparer.PrepareAsync([.. watermarks.Select(w => new WatermarkRequest(w.Input, w.Template))], [], Work(), CancellationToken.None);

    private static void AssertBox((int MinX, int MinY, int MaxX, int MaxY, int Count)? box, int x0, int y0, int x1, int y1)
    {
        Assert.True(box is not null, "no pixel of the mark was found");
        var (minX, minY, maxX, maxY, _) = box.Value;
        Assert.InRange(minX, x0 - Tolerance, x0 + Tolerance);
        Assert.InRange(minY, y0 - Tolerance, y0 + Tolerance);
        Assert.InRange(maxX, x1 - Tolerance, x1 + Tolerance);
        Assert.InRange(maxY, y1 - Tolerance, y1 + Tolerance);
    }

    [Theory]
    [InlineData("TopLeft", 10, 20)]
    [InlineData("TopRight", 278, 20)]
    [InlineData("BottomLeft", 10, 144)]
    [InlineData("BottomRight", 278, 144)]
    public async Task TranscodeAsync_ImageAtEachOrigin_LandsAtThePixelRectangle(string origin, int x, int y)
    {
        var output = await TranscodeAsync(await GreyAsync(), await MarksAsync((await RedImageAsync(origin), new WatermarkInput { Definition = 1001 })));

        var frame = await FramePixels.ReadAsync(output, 320, 180, 1);
        // 32×16 px, 10 px from the origin's side and 20 px from its top/bottom.
        AssertBox(frame.Box(FramePixels.Red), x, y, x + 31, y + 15);
    }

    [Fact]
    public async Task TranscodeAsync_PercentSizeAndPosition_MeasuredOnTheOutputFrame()
    {
        var keepAspect = await RedImageAsync(x: "50%", y: "10%", width: "25%");
        var bothGiven = await RedImageAsync(x: "0px", y: "0px", width: "10%", height: "50%");
        var output = await TranscodeAsync(await GreyAsync(), await MarksAsync(
            (keepAspect, new WatermarkInput { Definition = 1001 }), (bothGiven, new WatermarkInput { Definition = 1001 })));

        var frame = await FramePixels.ReadAsync(output, 320, 180, 1);
        // 25% of 320 = 80 px wide, aspect 2:1 kept → 40 px high, at (50% of 320, 10% of 180) = (160, 18).
        AssertBox(frame.Box(FramePixels.Red, 100, 0), 160, 18, 239, 57);
        // 10% of 320 = 32 px wide, 50% of 180 = 90 px high, at the origin.
        AssertBox(frame.Box(FramePixels.Red, 0, 0, 100), 0, 0, 31, 89);
    }

    [Fact]
    public async Task TranscodeAsync_TenBitH265_StaysTenBitWithTheMark()
    {
        var source = await GreyAsync();
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var template = Mp4 with { VideoTemplate = Mp4.VideoTemplate! with { Codec = "h265", BitDepth = 10 } };
        var marks = await MarksAsync((await RedImageAsync(), new WatermarkInput { Definition = 1001 }));

        var result = await media.Executor.TranscodeAsync(new TranscodeRequest
        {
            SourcePath = source, Source = probe, Template = template, WorkDirectory = Work(), OutputFileName = "out10.mp4", Marks = marks,
        }, null, CancellationToken.None);

        var output = result.Files[0].LocalPath;
        var pixelFormat = (await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=pix_fmt", "-of", "csv=p=0", output)).Trim();
        Assert.Equal("yuv420p10le", pixelFormat);
        AssertBox((await FramePixels.ReadAsync(output, 320, 180, 1)).Box(FramePixels.Red), 10, 20, 41, 35);
    }

    [Fact]
    public async Task TranscodeAsync_TimeWindow_MarkOnlyInsideIt()
    {
        var output = await TranscodeAsync(await GreyAsync(), await MarksAsync(
            (await RedImageAsync(), new WatermarkInput { Definition = 1001, StartTimeOffset = 1, EndTimeOffset = 1.5 })));

        Assert.Null((await FramePixels.ReadAsync(output, 320, 180, 0.5)).Box(FramePixels.Red));
        AssertBox((await FramePixels.ReadAsync(output, 320, 180, 1.2)).Box(FramePixels.Red), 10, 20, 41, 35);
        Assert.Null((await FramePixels.ReadAsync(output, 320, 180, 1.8)).Box(FramePixels.Red));
    }

    [Fact]
    public async Task TranscodeAsync_NegativeOffsets_CountFromTheEnd()
    {
        // Start 0.8 s before the end of the 2 s output: hidden at 0.9 s, shown at 1.5 s.
        var output = await TranscodeAsync(await GreyAsync(), await MarksAsync(
            (await RedImageAsync(), new WatermarkInput { Definition = 1001, StartTimeOffset = -0.8 })));

        Assert.Null((await FramePixels.ReadAsync(output, 320, 180, 0.9)).Box(FramePixels.Red));
        Assert.NotNull((await FramePixels.ReadAsync(output, 320, 180, 1.5)).Box(FramePixels.Red));
    }

    [Theory]
    [InlineData("arial.ttf", "MF")]
    [InlineData("simkai.ttf", "水印")]
    public async Task TranscodeAsync_TextAtBottomRight_BrightPixelsOnlyInThatCorner(string font, string text)
    {
        var template = new WatermarkTemplate
        {
            Definition = 1002,
            Type = "text",
            CoordinateOrigin = "BottomRight",
            XPos = "10px",
            YPos = "10px",
            TextTemplate = new TextWatermarkTemplate { FontType = font, FontSize = "40px", FontColor = "0xFFFFFF", FontAlpha = 1, TextContent = "unused" },
        };
        var output = await TranscodeAsync(await GreyAsync(), await MarksAsync((template, new WatermarkInput { Definition = 1002, TextContent = text })));

        var frame = await FramePixels.ReadAsync(output, 320, 180, 1);
        var box = frame.Box(FramePixels.Bright);
        Assert.True(box is not null, "no text pixels");
        var (minX, minY, maxX, maxY, count) = box.Value;
        Assert.True(count > 100, $"only {count} text pixels");
        Assert.InRange(maxX, 280, 310 + Tolerance);
        Assert.InRange(maxY, 140, 170 + Tolerance);
        Assert.True(minX > 160 && minY > 100, $"text reaches ({minX}, {minY}), outside the bottom-right corner");
    }

    [Fact]
    public async Task TranscodeAsync_SvgWatermark_RasterizedAtTheTemplateSize()
    {
        var template = new WatermarkTemplate
        {
            Definition = 1003, Type = "svg", CoordinateOrigin = "TopLeft", XPos = "0px", YPos = "0px",
            SvgTemplate = new SvgWatermarkTemplate { Width = "20W%" },
        };
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><rect width="100" height="50" fill="#00ff00"/></svg>""";
        var output = await TranscodeAsync(await GreyAsync(), await MarksAsync((template, new WatermarkInput { Definition = 1003, SvgContent = svg })));

        // 20% of the width = 64 px, aspect 2:1 → 32 px high.
        AssertBox((await FramePixels.ReadAsync(output, 320, 180, 1)).Box(FramePixels.Green), 0, 0, 63, 31);
    }

    [Fact]
    public async Task PrepareAsync_SvgThatIsNotSvg_PermanentFailure()
    {
        var template = new WatermarkTemplate { Definition = 1003, Type = "svg", SvgTemplate = new SvgWatermarkTemplate() };

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => MarksAsync((template, new WatermarkInput { Definition = 1003, SvgContent = "<not-svg" })));

        Assert.False(failure.Retryable);
        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
        Assert.Contains("SvgContent", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscodeAsync_Mosaic_RegionDiffersFromSourceOutsideUnchanged()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var marks = new VideoMarks
        {
            Mosaics =
            [
                new MosaicInput { XPos = "40px", YPos = "40px", Width = "80px", Height = "60px" },
                new MosaicInput { XPos = "200px", YPos = "100px", Width = "64px", Height = "64px", StartTimeOffset = 1.5 },
            ],
        };
        var output = await TranscodeAsync(source, marks);

        var inside = await FramePixels.CropPsnrAsync(output, source, 1, 40, 40, 80, 60);
        var outside = await FramePixels.CropPsnrAsync(output, source, 1, 130, 0, 60, 180);
        var notYet = await FramePixels.CropPsnrAsync(output, source, 1, 200, 100, 64, 64);
        var later = await FramePixels.CropPsnrAsync(output, source, 1.8, 200, 100, 64, 64);
        Assert.True(inside < 25, $"mosaic region PSNR {inside} dB: not blurred");
        Assert.True(outside > 30, $"outside PSNR {outside} dB: changed");
        Assert.True(notYet > 30, $"second region before its start: PSNR {notYet} dB");
        Assert.True(later < 25, $"second region after its start: PSNR {later} dB");
    }

    [Fact]
    public async Task TimeOffsetsAsync_WatermarkWindowInSourceTime_OnlyTheShotInsideHasIt()
    {
        var path = await GreyAsync();
        var source = SnapshotSource.From(path, await media.Prober.ProbeAsync(path, CancellationToken.None));
        var template = TemplateFamilies.SnapshotByTimeOffset.FindPreset(10)! with { Format = "png" };
        var marks = await MarksAsync((await RedImageAsync(), new WatermarkInput { Definition = 1001, StartTimeOffset = 1, EndTimeOffset = 1.5 }));

        var run = await new SnapshotExecutor(media.Runner, media.Options).TimeOffsetsAsync(
            source, template, [TimeOffset.Parse("0.4s"), TimeOffset.Parse("1.2s")], Work(), null, CancellationToken.None, marks);

        var (width, height, _, _, _) = await Ffprobe.VideoAsync(run.Images[0].LocalPath);
        Assert.Null((await FramePixels.ReadAsync(run.Images[0].LocalPath, (int)width, (int)height)).Box(FramePixels.Red));
        Assert.NotNull((await FramePixels.ReadAsync(run.Images[1].LocalPath, (int)width, (int)height)).Box(FramePixels.Red));
    }

    [Fact]
    public async Task SampleAsync_Watermark_OnEveryImage()
    {
        var path = await GreyAsync();
        var source = SnapshotSource.From(path, await media.Prober.ProbeAsync(path, CancellationToken.None));
        var template = new SampleSnapshotTemplate { Definition = 10, SampleType = "Time", SampleInterval = 1, Format = "png", Width = 0, Height = 0 };
        var marks = await MarksAsync((await RedImageAsync("BottomRight"), new WatermarkInput { Definition = 1001 }));

        var run = await new SnapshotExecutor(media.Runner, media.Options).SampleAsync(source, template, Work(), null, CancellationToken.None, marks);

        Assert.Equal(2, run.Images.Count);
        foreach (var image in run.Images)
        {
            AssertBox((await FramePixels.ReadAsync(image.LocalPath, 320, 180)).Box(FramePixels.Red), 278, 144, 309, 159);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
