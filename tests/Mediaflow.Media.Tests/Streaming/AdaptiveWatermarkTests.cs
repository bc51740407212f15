using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Streaming;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Media.Tests.Streaming;

/// <summary>
/// Watermarks on adaptive streams: a red PNG drawn by real ffmpeg on a two-rung ladder (320×180 and 160×90) of a flat
/// grey 2 s lavfi source; each rung's frame is decoded on its own and the mark's pixel rectangle is measured. Sizes and
/// positions in % are of each rung's frame (the mark is drawn per rung after its scaling).
/// </summary>
public sealed class AdaptiveWatermarkTests : IAsyncDisposable
{
    private const int Tolerance = 2;
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private static AdaptiveStreamTemplate Rung(long width, long kbps) => AdaptiveExecutorTests.Rung(width, kbps);

    private string Work() => Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private async Task<AdaptiveRequest> RequestAsync(string format, string segmentType, VideoMarks marks)
    {
        var source = await TestMedia.GenerateAsync(dir.Path, "grey.mp4",
            ["-f", "lavfi", "-i", "color=c=0x404040:size=320x180:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"]);
        var dash = format == "MPEG-DASH";
        return new AdaptiveRequest
        {
            SourcePath = source,
            Source = await media.Prober.ProbeAsync(source, CancellationToken.None),
            Template = new AdaptiveDynamicStreamingTemplate { Format = format, SegmentType = segmentType, StreamInfos = [Rung(320, 400), Rung(160, 150)] },
            WorkDirectory = Work(),
            ManifestFileName = dash ? "grey.mpd" : "grey.m3u8",
            SubStreamFileName = n => dash ? $"grey_{n}.mp4" : $"grey_{n}.m3u8",
            SegmentFileName = (n, s) => $"grey_{n}_{s}.{(dash ? "m4s" : "ts")}",
            Marks = marks,
        };
    }

    /// <summary>A 32×16 solid red PNG, TopRight, 5% from the right, 10% from the top, 10% of the frame's width wide.</summary>
    private async Task<VideoMarks> RedMarkAsync(double start = 0)
    {
        var png = await TestMedia.GenerateAsync(dir.Path, "red.png", ["-f", "lavfi", "-i", "color=c=red:size=32x16", "-frames:v", "1"]);
        var template = new WatermarkTemplate
        {
            Definition = 1001,
            Type = "image",
            CoordinateOrigin = "TopRight",
            XPos = "5%",
            YPos = "10%",
            ImageTemplate = new ImageWatermarkTemplate { ImageContent = Convert.ToBase64String(await File.ReadAllBytesAsync(png)), Width = "10%", RepeatType = "repeat" },
        };
        return await new WatermarkPreparer(media.Runner, media.Options).PrepareAsync(
            [new WatermarkRequest(new WatermarkInput { Definition = 1001, StartTimeOffset = start }, template)], [], Work(), CancellationToken.None);
    }

    private static void AssertBox((int MinX, int MinY, int MaxX, int MaxY, int Count)? box, int x0, int y0, int x1, int y1)
    {
        Assert.True(box is not null, "no pixel of the mark was found");
        var (minX, minY, maxX, maxY, _) = box.Value;
        Assert.InRange(minX, x0 - Tolerance, x0 + Tolerance);
        Assert.InRange(minY, y0 - Tolerance, y0 + Tolerance);
        Assert.InRange(maxX, x1 - Tolerance, x1 + Tolerance);
        Assert.InRange(maxY, y1 - Tolerance, y1 + Tolerance);
    }

    /// <summary>
    /// Rung 0 (320×180): 32×16 px (10% of 320, aspect kept) at x = 320 − 32 − 16 (5%), y = 18 (10%).
    /// Rung 1 (160×90): 16×8 px at x = 160 − 16 − 8, y = 9.
    /// </summary>
    private static void AssertRungMarks(FramePixels large, FramePixels small)
    {
        AssertBox(large.Box(FramePixels.Red), 272, 18, 303, 33);
        AssertBox(small.Box(FramePixels.Red), 136, 9, 151, 16);
    }

    [Theory]
    [InlineData("ts-segment")]
    [InlineData("mp4-segment")]
    public async Task StreamAsync_HlsTwoRungsRedMarkTopRight_EachRungHasItsOwnRectangle(string segmentType)
    {
        var request = await RequestAsync("HLS", segmentType, await RedMarkAsync());

        var result = await new AdaptiveExecutor(media.Runner, media.Options).StreamAsync(request, null, CancellationToken.None);

        Assert.Equal(2, result.Variants.Count);
        // The first frame (ffmpeg's HLS demuxer returns no frame after a seek into a one-segment fMP4 playlist).
        var large = await FramePixels.ReadAsync(Path.Combine(request.WorkDirectory, "grey_0.m3u8"), 320, 180);
        var small = await FramePixels.ReadAsync(Path.Combine(request.WorkDirectory, "grey_1.m3u8"), 160, 90);
        AssertRungMarks(large, small);
        // Two inputs (the source and the one picture, split per rung), not one picture per rung.
        Assert.Equal(2, result.CommandLine.Split(" -i ").Length - 1);
    }

    [Fact]
    public async Task StreamAsync_DashTwoRungsRedMarkTopRight_EachRepresentationHasItsOwnRectangle()
    {
        var request = await RequestAsync("MPEG-DASH", "mp4-byterange", await RedMarkAsync());

        await new AdaptiveExecutor(media.Runner, media.Options).StreamAsync(request, null, CancellationToken.None);

        // Representation ids: video rungs first (0 = 320 wide, 1 = 160 wide), each one byte-ranged fMP4.
        var large = await FramePixels.ReadAsync(Path.Combine(request.WorkDirectory, "grey_0.mp4"), 320, 180, 1);
        var small = await FramePixels.ReadAsync(Path.Combine(request.WorkDirectory, "grey_1.mp4"), 160, 90, 1);
        AssertRungMarks(large, small);
    }

    [Fact]
    public async Task StreamAsync_MarkFromOneSecond_AbsentBeforeOnEveryRung()
    {
        var request = await RequestAsync("HLS", "ts-segment", await RedMarkAsync(start: 1));

        await new AdaptiveExecutor(media.Runner, media.Options).StreamAsync(request, null, CancellationToken.None);

        foreach (var (name, w, h) in new[] { ("grey_0.m3u8", 320, 180), ("grey_1.m3u8", 160, 90) })
        {
            var path = Path.Combine(request.WorkDirectory, name);
            Assert.Null((await FramePixels.ReadAsync(path, w, h, 0.4)).Box(FramePixels.Red));
            Assert.NotNull((await FramePixels.ReadAsync(path, w, h, 1.5)).Box(FramePixels.Red));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
