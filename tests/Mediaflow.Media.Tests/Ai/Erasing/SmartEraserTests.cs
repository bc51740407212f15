using Mediaflow.Media.Ai.Erasing;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai.Erasing;

/// <summary>
/// Smart erase with real ffmpeg: a white 48×24 logo burned at (256, 16) into a scrolling testsrc2 picture
/// is found and erased — the
/// logo's area gets much closer to a clean render of the same picture (PSNR over the crop); a clip without a logo gives
/// no area.
/// </summary>
public sealed class SmartEraserTests : IAsyncDisposable
{
    private readonly TempDirectory temp = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        temp.Dispose();
    }

    private Task<string> CleanAsync() => TestMedia.GenerateAsync(temp.Path, "clean.mp4",
        ["-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=3,scroll=h=0.01:v=0.005", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    // The logo is burned into the clean clip itself, so the reference is the very same clip (testsrc2 + scroll is deterministic; lavfi's gradients is not, even with a seed).
    private async Task<string> LogoAsync() => await TestMedia.GenerateAsync(temp.Path, "logo.mp4",
        ["-i", File.Exists(temp.File("clean.mp4")) ? temp.File("clean.mp4") : await CleanAsync(), "-f", "lavfi", "-i", "color=c=white:s=48x24",
         "-filter_complex", "[0:v][1:v]overlay=x=256:y=16:shortest=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    [Fact]
    public async Task DetectStaticAreasAsync_BurnedLogo_FoundWhereItIs()
    {
        var source = await LogoAsync();
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var area = Assert.Single(await media.Eraser.DetectStaticAreasAsync(source, probe, temp.File("work"), CancellationToken.None));
        Assert.InRange(area.X, 248, 258);
        Assert.InRange(area.Y, 8, 18);
        Assert.InRange(area.X + area.Width, 302, 312);
        Assert.InRange(area.Y + area.Height, 38, 48);
    }

    [Fact]
    public async Task DetectStaticAreasAsync_NoLogo_NoArea()
    {
        var source = await CleanAsync();
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        Assert.Empty(await media.Eraser.DetectStaticAreasAsync(source, probe, temp.File("work"), CancellationToken.None));
    }

    [Fact]
    public async Task EraseAsync_DetectedLogo_RegionMuchCloserToTheCleanRender()
    {
        var logo = await LogoAsync();
        var clean = temp.File("clean.mp4");
        var probe = await media.Prober.ProbeAsync(logo, CancellationToken.None);
        var areas = await media.Eraser.DetectStaticAreasAsync(logo, probe, temp.File("work"), CancellationToken.None);
        var erased = temp.File("erased.mp4");
        await media.Eraser.EraseAsync(logo, probe, areas, erased, null, CancellationToken.None);

        var reference = await FramePixels.ReadAsync(clean, 320, 180, 1.5);
        var before = Psnr(reference, await FramePixels.ReadAsync(logo, 320, 180, 1.5));
        var after = Psnr(reference, await FramePixels.ReadAsync(erased, 320, 180, 1.5));
        Assert.True(before < 15, $"the logo's crop should differ a lot from the clean render: {before:0.0} dB");
        Assert.True(after > before + 10, $"erasing should bring the crop much closer to the clean render: {before:0.0} dB → {after:0.0} dB");
    }

    /// <summary>PSNR (dB) of the logo's crop (x 256..303, y 16..39), RGB.</summary>
    private static double Psnr(FramePixels a, FramePixels b)
    {
        double sum = 0;
        var count = 0;
        for (var y = 16; y < 40; y++)
        {
            for (var x = 256; x < 304; x++)
            {
                var (ar, ag, ab) = a.At(x, y);
                var (br, bg, bb) = b.At(x, y);
                sum += Math.Pow(ar - br, 2) + Math.Pow(ag - bg, 2) + Math.Pow(ab - bb, 2);
                count += 3;
            }
        }

        var mse = sum / count;
        return mse == 0 ? 99 : 10 * Math.Log10(255 * 255 / mse);
    }
}
