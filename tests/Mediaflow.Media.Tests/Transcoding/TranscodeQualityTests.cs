using System.Globalization;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Quality;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>
/// Issue 4's "how it is shown" checks on outputs of real ffmpeg with the production encoder presets (x264/x265
/// veryfast): the presets' SSIM against the scaled source, their duration within one frame, and ABR/CBR bitrates within
/// ±10 % of the template's.
/// </summary>
public sealed class TranscodeQualityTests : IAsyncDisposable
{
    private const int SourceFps = 25;
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new(new MediaOptions { NoProgressTimeout = TimeSpan.FromMinutes(1) });
    private readonly ServiceProvider provider;

    public TranscodeQualityTests()
    {
        provider = new ServiceCollection().AddMediaflowMedia(media.Options).BuildServiceProvider();
    }

    private QualityMeter Meter => provider.GetRequiredService<QualityMeter>();

    private async Task<(string Source, TranscodeResult Result)> RunAsync(TranscodeTemplate template, string outputName, string source)
    {
        TranscodeTemplateRules.Validate(template);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var work = Directory.CreateDirectory(dir.File("work-" + Path.GetFileNameWithoutExtension(outputName))).FullName;
        var result = await media.Executor.TranscodeAsync(
            new TranscodeRequest { SourcePath = source, Source = probe, Template = template, WorkDirectory = work, OutputFileName = outputName },
            null,
            CancellationToken.None);
        return (source, result);
    }

    [Theory]
    [InlineData(100010)]
    [InlineData(100020)]
    [InlineData(100030)]
    [InlineData(100040)]
    [InlineData(100070)]
    [InlineData(100080)]
    [InlineData(100210)]
    [InlineData(100220)]
    [InlineData(100230)]
    [InlineData(100240)]
    [InlineData(100270)]
    [InlineData(100280)]
    public async Task TranscodeAsync_Preset_SsimAtLeast095AndDurationWithinOneFrame(long definition)
    {
        var preset = PresetTranscodeTemplates.Find(definition)!;
        var source = await TestMedia.VideoWithAudioAsync(dir.Path, width: 640, height: 360, seconds: 1, fps: SourceFps);
        var (_, result) = await RunAsync(preset, preset.Container == "hls" ? "out.m3u8" : "out." + preset.Container, source);

        var main = result.Files[0].LocalPath;
        var output = await Ffprobe.VideoAsync(main);
        var shortSide = preset.VideoTemplate!.Height ?? preset.VideoTemplate.Width;
        Assert.Equal(shortSide, Math.Min(output.Width, output.Height));
        Assert.Equal(output.Height * 16, output.Width * 9);

        var fps = preset.VideoTemplate.Fps is { } f and > 0 ? f : SourceFps;
        Assert.Equal(fps, output.Fps, 3);
        Assert.Equal(fps, output.Frames);
        Assert.InRange(output.Duration, 1 - (1.0 / fps), 1 + (1.0 / fps));

        var ssim = await Meter.SsimAsync(main, source, output.Width, output.Height, CancellationToken.None);
        Assert.True(ssim.All >= 0.95, FormattableString.Invariant($"preset {definition}: SSIM {ssim.All:F4} (Y {ssim.Y:F4}) < 0.95"));
    }

    /// <summary>
    /// A noisy 4 s source (testsrc2 + temporal noise) so that every encoder needs the whole budget: on a clean test
    /// pattern an encoder may legitimately spend less than the target, which says nothing about its rate control.
    /// Bitrate = the video stream's packet bytes × 8 / its duration.
    /// </summary>
    [Theory]
    [InlineData("mp4", "h264", "ABR")]
    [InlineData("mp4", "h264", "CBR")]
    [InlineData("mp4", "h265", "ABR")]
    [InlineData("mp4", "h265", "CBR")]
    [InlineData("webm", "vp9", "ABR")]
    [InlineData("webm", "vp9", "CBR")]
    [InlineData("mp4", "av1", "ABR")]
    public async Task TranscodeAsync_AbrCbr_VideoBitrateWithinTenPercent(string container, string codec, string mode)
    {
        const long kbps = 300;
        var source = await TestMedia.GenerateAsync(dir.Path, "noisy.mp4",
            ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=4,noise=alls=12:allf=t",
             "-c:v", "libx264", "-preset", "ultrafast", "-qp", "10", "-pix_fmt", "yuv420p"]);
        var template = new TranscodeTemplate
        {
            Container = container,
            RemoveAudio = 1,
            VideoTemplate = new VideoTemplateInfo { Codec = codec, Mode = mode, Bitrate = kbps, Width = 320, Height = 180, Fps = 25 },
        };
        var (_, result) = await RunAsync(template, "rate." + container, source);

        var sizes = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=size", "-of", "csv=p=0", result.Files[0].LocalPath);
        var bytes = sizes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Sum(s => long.Parse(s, CultureInfo.InvariantCulture));
        var video = await Ffprobe.VideoAsync(result.Files[0].LocalPath);
        var measured = bytes * 8 / (video.Frames / 25.0) / 1000;
        Assert.InRange(measured, kbps * 0.9, kbps * 1.1);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await media.DisposeAsync();
        dir.Dispose();
    }
}
