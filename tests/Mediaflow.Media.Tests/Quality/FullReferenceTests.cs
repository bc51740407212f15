using Mediaflow.Media.Probing;
using Mediaflow.Media.Quality;
using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Tests.Quality;

/// <summary>SSIM + PSNR in one run and the lossless spot-check cut, on real ffmpeg with lavfi sources.</summary>
public sealed class FullReferenceTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly ServiceProvider provider = new ServiceCollection().AddMediaflowMedia(new MediaOptions { NoProgressTimeout = TimeSpan.FromMinutes(1) }).BuildServiceProvider();

    private QualityMeter Meter => provider.GetRequiredService<QualityMeter>();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        dir.Dispose();
    }

    private Task<string> DegradedAsync(string source) => TestMedia.GenerateAsync(dir.Path, "degraded.mp4",
        ["-i", source, "-vf", "scale=160:90", "-c:v", "libx264", "-b:v", "20k", "-an"]);

    [Fact]
    public async Task FullReference_DegradedAndIdentical_LowerScoresAndPerfectOnes()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var degraded = await DegradedAsync(source);

        var low = await Meter.FullReferenceAsync(degraded, source, 160, 90, null, null, CancellationToken.None);
        Assert.InRange(low.Ssim.All, 0.3, 0.95);
        Assert.InRange(low.Psnr.Average, 10, 35);
        Assert.Contains("psnr", low.CommandLine, StringComparison.Ordinal);

        var same = await Meter.FullReferenceAsync(source, source, 320, 180, null, null, CancellationToken.None);
        Assert.Equal(1, same.Ssim.All);
        Assert.Equal(double.PositiveInfinity, same.Psnr.Average);
    }

    [Fact]
    public async Task FullReference_Window_MeasuresOnlyThatSpan()
    {
        // Clean first second, noisy second one: the windows tell them apart.
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var damaged = await TestMedia.GenerateAsync(dir.Path, "damaged.mp4",
            ["-i", source, "-vf", "noise=alls=60:allf=t:enable='gte(t,1)'", "-c:v", "libx264", "-crf", "10", "-an"]);

        var clean = await Meter.FullReferenceAsync(damaged, source, 320, 180, TimeSpan.Zero, TimeSpan.FromSeconds(0.9), CancellationToken.None);
        var noisy = await Meter.FullReferenceAsync(damaged, source, 320, 180, TimeSpan.FromSeconds(1.1), TimeSpan.FromSeconds(0.8), CancellationToken.None);
        Assert.True(clean.Ssim.All > 0.97, $"clean window SSIM {clean.Ssim.All}");
        Assert.True(noisy.Ssim.All < clean.Ssim.All - 0.1, $"noisy window SSIM {noisy.Ssim.All} vs clean {clean.Ssim.All}");
    }

    [Fact]
    public async Task SpotCheckCutter_Window_LosslessCopyOfThatSpan()
    {
        string[] lavfi = ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2", "-f", "lavfi", "-i", "sine=duration=2"];
        var source = await TestMedia.GenerateAsync(dir.Path, "lossless.mkv", [.. lavfi, "-c:v", "ffv1", "-c:a", "pcm_s16le"]);
        var expected = await TestMedia.GenerateAsync(dir.Path, "expected.mkv", [.. lavfi, "-vf", "trim=start=0.5:end=1.5,setpts=PTS-STARTPTS", "-an", "-c:v", "ffv1"]);
        var prober = provider.GetRequiredService<MediaProber>();
        var probe = await prober.ProbeAsync(source, CancellationToken.None);

        var cut = dir.File("window.mkv");
        await provider.GetRequiredService<SpotCheckCutter>().CutAsync(source, probe, 0.5, 1.5, cut, CancellationToken.None);

        var window = await prober.ProbeAsync(cut, CancellationToken.None);
        Assert.Equal(("ffv1", true), (window.Video!.Codec, window.HasAudio));
        Assert.InRange(window.Duration, 0.95, 1.1);
        // The same decoded frames, in order (the cut's timestamps count from the window start: 0.52 s is at 0.02 s).
        Assert.Equal(await FrameHashesAsync(expected), await FrameHashesAsync(cut));
    }

    private static async Task<List<string>> FrameHashesAsync(string path)
    {
        var framemd5 = await Ffprobe.RunAsync("ffmpeg", "-v", "error", "-i", path, "-map", "0:v:0", "-f", "framemd5", "-");
        return [.. framemd5.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split(',')[^1].Trim())];
    }
}
