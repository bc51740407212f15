using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Media.Tests.Watermarks;

/// <summary>
/// RepeatType of animated image watermarks, drawn by real ffmpeg: a 2-frame GIF (red 0–0.5 s, green 0.5–1 s) and the
/// same animation as a short H.264 video over a 4 s grey 320×180 clip; the mark's pixels are read at known times.
/// </summary>
public sealed class WatermarkRepeatTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private static readonly TranscodeTemplate Mp4 = new()
    {
        Container = "mp4",
        VideoTemplate = new VideoTemplateInfo { Codec = "h264", Fps = 25, Width = 320, Height = 180 },
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 64, SampleRate = 48000, AudioChannel = 2 },
    };

    private Task<string> GreyAsync() => TestMedia.GenerateAsync(dir.Path, "grey.mp4",
        ["-f", "lavfi", "-i", "color=c=0x404040:size=320x180:rate=25:duration=4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    private Task<string> RedGreenGifAsync() => TestMedia.GenerateAsync(dir.Path, "rg.gif",
        ["-filter_complex", "color=c=red:s=32x16:r=2:d=0.5[a];color=c=0x00FF00:s=32x16:r=2:d=0.5[b];[a][b]concat=n=2:v=1:a=0,format=rgb24", "-pix_fmt", "rgb8"]);

    private static WatermarkTemplate Template(string repeat, string? content = null) => new()
    {
        Definition = 1001, Type = "image", XPos = "10px", YPos = "20px",
        ImageTemplate = new ImageWatermarkTemplate { ImageContent = content, Width = "32px", RepeatType = repeat },
    };

    private string Work() => Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private async Task<string> TranscodeAsync(WatermarkRequest watermark)
    {
        var source = await GreyAsync();
        var marks = await new WatermarkPreparer(media.Runner, media.Options).PrepareAsync([watermark], [], Work(), CancellationToken.None);
        var result = await media.Executor.TranscodeAsync(new TranscodeRequest
        {
            SourcePath = source, Source = await media.Prober.ProbeAsync(source, CancellationToken.None), Template = Mp4,
            WorkDirectory = Work(), OutputFileName = "out.mp4", Marks = marks,
        }, null, CancellationToken.None);
        return result.Files[0].LocalPath;
    }

    /// <summary>"r", "g" or "-" (no mark) at the mark's place, at each time.</summary>
    private static async Task<string> ColoursAsync(string output, params double[] times)
    {
        var colours = new List<char>();
        foreach (var t in times)
        {
            var frame = await FramePixels.ReadAsync(output, 320, 180, t);
            colours.Add(frame.Box(FramePixels.Red) is { Count: > 300 } ? 'r' : frame.Box(FramePixels.Green) is { Count: > 300 } ? 'g' : '-');
        }

        return new string([.. colours]);
    }

    private static readonly double[] Times = [0.2, 0.72, 2.24, 2.72, 3.24, 3.72];

    [Theory]
    [InlineData("repeat", "rgrgrg")]
    [InlineData("once", "rg----")]
    [InlineData("repeat_last_frame", "rggggg")]
    public async Task TranscodeAsync_GifWatermark_RepeatTypeAfterTheAnimationEnds(string repeat, string expected)
    {
        var gif = Convert.ToBase64String(await File.ReadAllBytesAsync(await RedGreenGifAsync()));

        var output = await TranscodeAsync(new WatermarkRequest(new WatermarkInput { Definition = 1001 }, Template(repeat, gif)));

        Assert.Equal(expected, await ColoursAsync(output, Times));
    }

    [Theory]
    [InlineData("repeat", "rgrgrg")]
    [InlineData("once", "rg----")]
    public async Task TranscodeAsync_VideoFileWatermark_RepeatTypeAfterTheVideoEnds(string repeat, string expected)
    {
        var video = await TestMedia.GenerateAsync(dir.Path, "rg.mp4", ["-i", await RedGreenGifAsync(), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

        var output = await TranscodeAsync(new WatermarkRequest(new WatermarkInput { Definition = 0 }, Template(repeat)) { ImageFile = video });

        Assert.Equal(expected, await ColoursAsync(output, Times));
    }

    [Fact]
    public async Task TranscodeAsync_StillPngWithOnce_StaysToTheEnd()
    {
        var png = await TestMedia.GenerateAsync(dir.Path, "red.png", ["-f", "lavfi", "-i", "color=c=red:size=32x16", "-frames:v", "1"]);

        var output = await TranscodeAsync(new WatermarkRequest(new WatermarkInput { Definition = 0 }, Template("once")) { ImageFile = png });

        Assert.Equal("rrrrrr", await ColoursAsync(output, Times));
    }

    [Fact]
    public void Sniff_PictureKinds_FormatAndAnimation()
    {
        Assert.Equal(("gif", true), WatermarkPictures.Sniff("GIF89a\0\0"u8));
        Assert.Equal(("jpeg_pipe", false), WatermarkPictures.Sniff([0xFF, 0xD8, 0xFF, 0xE0]));
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] ihdr = [0, 0, 0, 0, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 0];
        byte[] actl = [0, 0, 0, 0, (byte)'a', (byte)'c', (byte)'T', (byte)'L', 0, 0, 0, 0];
        byte[] idat = [0, 0, 0, 0, (byte)'I', (byte)'D', (byte)'A', (byte)'T', 0, 0, 0, 0];
        Assert.Equal(("png_pipe", false), WatermarkPictures.Sniff([.. signature, .. ihdr, .. idat, .. actl]));
        Assert.Equal(("apng", true), WatermarkPictures.Sniff([.. signature, .. ihdr, .. actl, .. idat]));
        Assert.Equal((null, true), WatermarkPictures.Sniff("\0\0\0\x20ftypisom"u8));
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
