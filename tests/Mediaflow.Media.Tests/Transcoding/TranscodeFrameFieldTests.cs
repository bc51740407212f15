using System.Text.Json;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>VideoTemplateInfo NoScenecut, Sar and FillType smarttailor: planned arguments and real outputs.</summary>
public sealed class TranscodeFrameFieldTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private static readonly ProbeResult Source = new()
    {
        Container = "mov,mp4,m4a,3gp,3g2,mj2",
        Duration = 4,
        VideoStreams = [new ProbedVideoTrack { Codec = "h264", CodedWidth = 320, CodedHeight = 180, FpsNumerator = 25, FpsDenominator = 1 }],
        AudioStreams = [new ProbedAudioTrack { Codec = "aac", SampleRate = 48000, Channels = 2 }],
    };

    private static TranscodeTemplate Template(VideoTemplateInfo video, string container = "mkv") => new()
    {
        Container = container,
        VideoTemplate = video,
        AudioTemplate = new AudioTemplateInfo { Codec = "aac" },
    };

    private static string Args(TranscodeTemplate template)
    {
        TranscodeTemplateRules.Validate(template);
        var plan = TranscodePlanner.Plan(
            new TranscodeRequest { SourcePath = "/w/src.mp4", Source = Source, Template = template, WorkDirectory = "/w", OutputFileName = "out." + template.Container },
            new MediaOptions());
        return " " + string.Join(' ', FfmpegArgumentRenderer.Render(plan.Job)) + " ";
    }

    [Fact]
    public void Plan_NoScenecut_TheEncodersSceneCutSwitch()
    {
        Assert.Contains(" -sc_threshold 0 ", Args(Template(new VideoTemplateInfo { Codec = "h264", NoScenecut = 1 })), StringComparison.Ordinal);
        Assert.Contains(" -x265-params log-level=error:scenecut=0 ", Args(Template(new VideoTemplateInfo { Codec = "h265", NoScenecut = 1 })), StringComparison.Ordinal);
        Assert.Contains(" -svtav1-params scd=0 ", Args(Template(new VideoTemplateInfo { Codec = "av1", NoScenecut = 1 })), StringComparison.Ordinal);
        // AV1 ABR keeps the scene-cut switch next to its overshoot setting.
        Assert.Contains(" -svtav1-params scd=0:overshoot-pct=0 ", Args(Template(new VideoTemplateInfo { Codec = "av1", NoScenecut = 1, Mode = "ABR", Bitrate = 500 })), StringComparison.Ordinal);
        Assert.DoesNotContain("sc_threshold", Args(Template(new VideoTemplateInfo { Codec = "h264", NoScenecut = 0 })), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Sar_NonSquarePixelsAfterTheFinishedFrame()
    {
        var args = Args(Template(new VideoTemplateInfo { Codec = "h264", Width = 640, Height = 360, Sar = "2:1" }, "mp4"));
        Assert.Contains("setsar=sar=1,format=pix_fmts=yuv420p[mfsquare];[mfsquare]scale=w=320:h=360,setsar=sar=2/1[vout] ", args, StringComparison.Ordinal);
        Assert.Contains(" -map [vout] ", args, StringComparison.Ordinal);
        Assert.DoesNotContain("mfsquare", Args(Template(new VideoTemplateInfo { Codec = "h264", Width = 640, Height = 360, Sar = "1:1" }, "mp4")), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SmartTailor_ScaleToCoverThenCentreCrop()
    {
        // 320×180 into 256×256: scaled to 456×256 (covers the frame), 100 px cut from each side.
        var args = Args(Template(new VideoTemplateInfo { Codec = "h264", Width = 256, Height = 256, ResolutionAdaptive = "close", FillType = "smarttailor" }, "mp4"));
        Assert.Contains("[0:v:0]scale=w=456:h=256,crop=w=256:h=256:x=100:y=0,setsar=sar=1,", args, StringComparison.Ordinal);
        Assert.DoesNotContain("pad=", args, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(320, 180, 256, 256, 456, 256, 100, 0)]
    [InlineData(320, 180, 320, 320, 568, 320, 124, 0)]
    [InlineData(180, 320, 256, 128, 256, 456, 0, 164)]
    [InlineData(320, 180, 640, 360, 640, 360, 0, 0)]
    public void Compute_SmartTailor_CoversTheFrameAndCentresTheCrop(long sw, long sh, long w, long h, long scaledW, long scaledH, long x, long y)
    {
        var g = OutputGeometry.Compute(sw, sh, new VideoTemplateInfo { Codec = "h264", Width = w, Height = h, ResolutionAdaptive = "close", FillType = "smarttailor" });
        Assert.Equal((w, h, scaledW, scaledH, x, y), (g.Width, g.Height, g.ScaledWidth, g.ScaledHeight, g.CropX, g.CropY));
        Assert.False(g.Padded);
        Assert.Equal(scaledW != w || scaledH != h, g.Cropped);
    }

    private async Task<string> RunAsync(string source, TranscodeTemplate template, string outputName, MediaServices? services = null)
    {
        TranscodeTemplateRules.Validate(template);
        services ??= media;
        var probe = await services.Prober.ProbeAsync(source, CancellationToken.None);
        var work = Directory.CreateDirectory(dir.File("work-" + outputName)).FullName;
        var result = await services.Executor.TranscodeAsync(
            new TranscodeRequest { SourcePath = source, Source = probe, Template = template, WorkDirectory = work, OutputFileName = outputName },
            null,
            CancellationToken.None);
        return result.Files[0].LocalPath;
    }

    /// <summary>Key frames of the first video stream, by presentation time.</summary>
    private static async Task<List<double>> KeyFrameTimesAsync(string path)
    {
        var csv = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-skip_frame", "nokey", "-show_entries", "frame=pts_time", "-of", "csv=p=0", path);
        return [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => double.Parse(t.TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Theory]
    [InlineData("h264")]
    [InlineData("h265")]
    public async Task TranscodeAsync_NoScenecut_NoKeyFrameAtTheHardCut(string codec)
    {
        // 2 s of test pattern, then a hard cut to 1 s of a different picture: encoders put a key frame at the cut.
        var source = await TestMedia.GenerateAsync(dir.Path, "cut.mp4",
        [
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2",
            "-f", "lavfi", "-i", "mandelbrot=size=320x180:rate=25,trim=duration=1",
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v]", "-map", "[v]",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-sc_threshold", "0",
        ]);
        var video = new VideoTemplateInfo { Codec = codec, Width = 320, Height = 180, Fps = 25, Gop = 250 };
        var template = new TranscodeTemplate { Container = "mp4", RemoveAudio = 1, VideoTemplate = video };

        // The server's presets (veryfast): the tests' ultrafast presets switch scene-cut detection off by themselves.
        await using var server = new MediaServices(new MediaOptions { NoProgressTimeout = TimeSpan.FromSeconds(60) });
        var withCuts = await KeyFrameTimesAsync(await RunAsync(source, template, "cuts.mp4", server));
        var without = await KeyFrameTimesAsync(await RunAsync(source, template with { VideoTemplate = video with { NoScenecut = 1 } }, "nocuts.mp4", server));

        Assert.Contains(withCuts, t => Math.Abs(t - 2.0) < 0.05);
        Assert.Equal([0.0], without);
    }

    [Theory]
    [InlineData("2:1", 320, "16:9")]
    [InlineData("4:3", 480, "16:9")]
    public async Task TranscodeAsync_Sar_FfprobeSarAndDisplayAspect(string sar, long codedWidth, string dar)
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path, seconds: 1);
        var template = new TranscodeTemplate
        {
            Container = "mp4",
            VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 640, Height = 360, Fps = 25, Bitrate = 300, Sar = sar },
            AudioTemplate = new AudioTemplateInfo { Codec = "aac" },
        };
        var output = await RunAsync(source, template, "sar.mp4");

        var json = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,sample_aspect_ratio,display_aspect_ratio", "-of", "json", output);
        using var doc = JsonDocument.Parse(json[..(json.LastIndexOf('}') + 1)]);
        var stream = doc.RootElement.GetProperty("streams")[0];
        Assert.Equal((codedWidth, 360L), (stream.GetProperty("width").GetInt64(), stream.GetProperty("height").GetInt64()));
        Assert.Equal(sar, stream.GetProperty("sample_aspect_ratio").GetString());
        Assert.Equal(dar, stream.GetProperty("display_aspect_ratio").GetString());
    }

    [Fact]
    public async Task TranscodeAsync_SmartTailor_NoBorderAndThePictureCentreKept()
    {
        // 320×180 blue picture, green bands on its outer 40 px columns, a red square in the middle (140..179 × 70..109).
        var source = await TestMedia.GenerateAsync(dir.Path, "marked.mp4",
        [
            "-f", "lavfi", "-i", "color=c=blue:size=320x180:rate=25:duration=1",
            "-vf", "drawbox=x=0:y=0:w=40:h=180:color=green:t=fill,drawbox=x=280:y=0:w=40:h=180:color=green:t=fill,drawbox=x=140:y=70:w=40:h=40:color=red:t=fill",
            "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv444p",
        ]);
        var template = new TranscodeTemplate
        {
            Container = "mp4",
            RemoveAudio = 1,
            VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 180, Height = 180, ResolutionAdaptive = "close", FillType = "smarttailor", Fps = 25, Vcrf = 10, Mode = "VCRF" },
        };
        var output = await RunAsync(source, template, "tailor.mp4");

        var frame = await FramePixels.ReadAsync(output, 180, 180, 0.5);
        // Scaled 1:1 (the height already fits), 70 px cut from each side: the green bands are gone, and no black border.
        Assert.Null(frame.Box(FramePixels.Green));
        Assert.Null(frame.Box((r, g, b) => r < 30 && g < 30 && b < 30));
        var red = frame.Box(FramePixels.Red);
        Assert.NotNull(red);
        var (minX, minY, maxX, maxY, _) = red.Value;
        Assert.InRange((minX + maxX) / 2.0, 88, 92);
        Assert.InRange((minY + maxY) / 2.0, 88, 92);
        Assert.InRange(maxX - minX + 1, 38, 42);
        foreach (var (x, y) in new[] { (2, 2), (177, 2), (2, 177), (177, 177) })
        {
            var (r, g, b) = frame.At(x, y);
            Assert.True(b > 150 && r < 80 && g < 80, $"corner ({x},{y}) is not the blue picture: {r},{g},{b}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
