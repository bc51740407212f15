using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.Erasing;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace Mediaflow.Media.Tests.Ai.Erasing;

/// <summary>
/// Subtitle and privacy erasing with real ffmpeg, Tesseract and the Haar cascade (docs/media-ai-analysis.md): drawtext
/// lines at known times on a smooth moving picture are found by OCR with their times, erased (OCR reads none of their
/// words afterwards, the line's crop gets much closer to the clean render); Messi's photo (opencv-doc) overlaid on the
/// picture is found and blurred/pixelized until the cascade finds no face; a clean clip yields nothing and passes through.
/// </summary>
public sealed class SubtitlePrivacyEraseTests : IAsyncDisposable
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private static readonly string[] SubtitleWords = ["HELLO", "SUBTITLE", "OPEN", "THE", "DOOR"];
    private readonly TempDirectory temp = new();
    private readonly ServiceProvider services = new ServiceCollection()
        .AddMediaflowMedia(new MediaOptions { X264Preset = "ultrafast", NoProgressTimeout = TimeSpan.FromSeconds(30) })
        .AddMediaflowAi(new AiOptions()).BuildServiceProvider();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        temp.Dispose();
    }

    private SmartEraser Eraser => services.GetRequiredService<SmartEraser>();
    private EraseTargetFinder Finder => services.GetRequiredService<EraseTargetFinder>();

    /// <summary>4 s, 640×360: a smooth, moving luma wave (deterministic, no text for OCR to read).</summary>
    private Task<string> CleanAsync() => File.Exists(temp.File("clean.mp4")) ? Task.FromResult(temp.File("clean.mp4")) : TestMedia.GenerateAsync(temp.Path, "clean.mp4",
        ["-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=4,format=yuv420p,geq=lum='60+25*sin(X/40+T*3)+15*cos(Y/30)':cb=150:cr=115",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    /// <summary>The clean clip with "HELLO SUBTITLE" at (150, 290) from 0.5 to 1.8 s and "OPEN THE DOOR" at (170, 290) from 2.2 to 3.5 s.</summary>
    private async Task<string> SubtitledAsync() => await TestMedia.GenerateAsync(temp.Path, "subtitled.mp4",
        ["-i", await CleanAsync(), "-vf",
         $"drawtext=fontfile={Font}:text='HELLO SUBTITLE':fontsize=36:fontcolor=white:x=150:y=290:enable='between(t,0.5,1.8)',"
         + $"drawtext=fontfile={Font}:text='OPEN THE DOOR':fontsize=36:fontcolor=white:x=170:y=290:enable='between(t,2.2,3.5)'",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    /// <summary>The clean clip (3 s) with messi5.jpg scaled to 360×224 at (140, 60) all along.</summary>
    private async Task<string> FaceAsync() => await TestMedia.GenerateAsync(temp.Path, "face.mp4",
        ["-i", await CleanAsync(), "-loop", "1", "-i", FaceTests.Messi, "-filter_complex", "[1:v]scale=360:224[m];[0:v][m]overlay=x=140:y=60:shortest=1",
         "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    private async Task<ProbeResult> ProbeAsync(string path) => await services.GetRequiredService<MediaProber>().ProbeAsync(path, CancellationToken.None);

    [Fact]
    public async Task Subtitles_FoundAtTheirTimes_ErasedSoOcrReadsNoneAndTheLineIsCloserToTheCleanRender()
    {
        var source = await SubtitledAsync();
        var probe = await ProbeAsync(source);

        var erases = await Finder.FindSubtitlesAsync(source, probe.Duration, 640, 360, [], wideAreas: false, temp.File("find"), null, CancellationToken.None);

        var hello = Assert.Single(erases, e => e.Text == "HELLO SUBTITLE");
        var door = Assert.Single(erases, e => e.Text == "OPEN THE DOOR");
        Assert.Equal(2, erases.Count);
        Assert.InRange(hello.Start, 0, 0.5);
        Assert.InRange(hello.End!.Value, 1.8, 2.5);
        Assert.InRange(door.Start, 1.5, 2.2);
        Assert.InRange(door.End!.Value, 3.5, 4.0);
        Assert.All(erases, e => Assert.InRange(e.Region.Y, 270, 292));

        var erased = temp.File("erased.mp4");
        await Eraser.EraseAsync(source, probe, erases, erased, null, CancellationToken.None);

        var reading = await services.GetRequiredService<TextRecognizer>().ReadAsync(erased, probe.Duration, 640, 360, temp.File("check"), null, CancellationToken.None);
        var read = reading.Words().Select(w => w.Word).ToList();
        Assert.DoesNotContain(read, SubtitleWords.Contains);
        var before = await FramePixels.CropPsnrAsync(await CleanAsync(), source, 1.0, 150, 285, 270, 45);
        var after = await FramePixels.CropPsnrAsync(await CleanAsync(), erased, 1.0, 150, 285, 270, 45);
        Assert.True(after > before + 8, $"erasing should bring the line's crop much closer to the clean render: {before:0.0} dB → {after:0.0} dB");
    }

    [Fact]
    public async Task Subtitles_OnlyInsideTheSearchAreas()
    {
        var source = await SubtitledAsync();
        var probe = await ProbeAsync(source);

        var upper = await Finder.FindSubtitlesAsync(source, probe.Duration, 640, 360, [new EraseRegion(0, 0, 640, 180)], wideAreas: false, temp.File("find"), null, CancellationToken.None);

        Assert.Empty(upper);
    }

    [Theory]
    [InlineData(EraseFill.Blur)]
    [InlineData(EraseFill.Mosaic)]
    public async Task Faces_FoundAndCoveredUntilTheCascadeFindsNone(EraseFill fill)
    {
        var source = await FaceAsync();
        var probe = await ProbeAsync(source);

        var erases = await Finder.FindFacesAsync(source, probe.Duration, fill, temp.File("find"), null, CancellationToken.None);

        var face = Assert.Single(erases);
        Assert.Equal(0, face.Start);
        Assert.InRange(face.End!.Value, 2.5, 3.0);
        Assert.InRange(face.Region.X, 140, 500);
        Assert.Equal(fill, face.Fill);
        var erased = temp.File("erased.mp4");
        await Eraser.EraseAsync(source, probe, erases, erased, null, CancellationToken.None);

        Assert.True(FacesOn(await FramesAsync(source, "before")) > 0, "the cascade should see the face in the source");
        Assert.Equal(0, FacesOn(await FramesAsync(erased, "after")));
        Assert.Empty(await Finder.FindFacesAsync(erased, probe.Duration, fill, temp.File("refind"), null, CancellationToken.None));
    }

    [Fact]
    public async Task CleanClip_NothingFound_AndAnEmptyEraseLeavesThePictureAlone()
    {
        var source = await CleanAsync();
        var probe = await ProbeAsync(source);

        Assert.Empty(await Finder.FindSubtitlesAsync(source, probe.Duration, 640, 360, [], wideAreas: false, temp.File("subs"), null, CancellationToken.None));
        Assert.Empty(await Finder.FindFacesAsync(source, probe.Duration, EraseFill.Blur, temp.File("faces"), null, CancellationToken.None));
        var output = temp.File("through.mp4");
        await Eraser.EraseAsync(source, probe, Array.Empty<TimedErase>(), output, null, CancellationToken.None);

        Assert.True(await FramePixels.CropPsnrAsync(source, output, 1.0, 150, 285, 270, 45) > 35, "an empty erase re-encodes only (CRF 18)");
    }

    private async Task<IReadOnlyList<string>> FramesAsync(string path, string name) =>
        await FaceFrames.SampleAsync(services.GetRequiredService<AiRunner>(), path, 3, temp.File(name), null, CancellationToken.None);

    private int FacesOn(IReadOnlyList<string> frames)
    {
        var detector = services.GetRequiredService<FaceDetector>();
        return frames.Sum(f =>
        {
            using var gray = Cv2.ImRead(f, ImreadModes.Grayscale);
            return detector.Detect(gray).Count;
        });
    }
}
