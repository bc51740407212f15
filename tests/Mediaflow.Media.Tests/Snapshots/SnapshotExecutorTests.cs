using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Snapshots;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Snapshots;

/// <summary>Image nodes on a 2 s, 25 fps, 320×180 lavfi source, every output checked with an independent ffprobe/ffmpeg.</summary>
public sealed class SnapshotExecutorTests : IAsyncDisposable
{
    private const double Frame = 0.04;
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private SnapshotExecutor Executor => new(media.Runner, media.Options);

    private async Task<SnapshotSource> SourceAsync(int width = 320, int height = 180)
    {
        var path = await TestMedia.VideoWithAudioAsync(dir.Path, $"src{width}x{height}.mp4", width, height);
        return SnapshotSource.From(path, await media.Prober.ProbeAsync(path, CancellationToken.None));
    }

    private string Work() => Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    [Fact]
    public async Task TimeOffsetsAsync_SecondsPercentBareAndLast_FrameAtOrAfterEachOffset()
    {
        var source = await SourceAsync();
        var template = TemplateFamilies.SnapshotByTimeOffset.FindPreset(10)! with { Format = "png" };
        List<TimeOffset> offsets = [TimeOffset.Parse("0.5s"), TimeOffset.Parse("25%"), TimeOffset.Parse("1.3"), TimeOffset.Parse("100%")];

        var run = await Executor.TimeOffsetsAsync(source, template, offsets, Work(), null, CancellationToken.None);

        Assert.Equal(4, run.Images.Count);
        // Asked 0.5, 0.5, 1.3 → frames 13 (0.52), 13, 33 (1.32) of a 25 fps source; 100% → the last frame, 49 (1.96).
        double[] expected = [0.52, 0.52, 1.32, 1.96];
        long[] frames = [13, 13, 33, 49];
        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(run.Images[i].TimeOffset, expected[i] - Frame - 0.001, expected[i] + Frame + 0.001);
            var (w, h, _, _, _) = await Ffprobe.VideoAsync(run.Images[i].LocalPath);
            Assert.Equal((320, 180), (w, h));
            var psnr = await Ffprobe.PsnrAgainstFrameAsync(run.Images[i].LocalPath, source.Path, frames[i]);
            Assert.True(psnr > 40, $"offset {i}: PSNR {psnr} against frame {frames[i]}");
        }

        // The reported time is the frame's own (PTS), not the asked one.
        Assert.Equal(0.52, run.Images[0].TimeOffset, 3);
    }

    /// <summary>
    /// 20 offsets run as two processes (16 + 4 seeks): progress comes per image as each shot's frame is shown, so it
    /// climbs in 5 % steps through the first process instead of jumping to 80 % when it ends.
    /// </summary>
    [Fact]
    public async Task TimeOffsetsAsync_TwentyOffsets_ProgressPerImage()
    {
        var path = await TestMedia.VideoWithAudioAsync(dir.Path, "src-10s.mp4", 160, 90, seconds: 10);
        var source = SnapshotSource.From(path, await media.Prober.ProbeAsync(path, CancellationToken.None));
        var offsets = Enumerable.Range(0, 20).Select(i => TimeOffset.FromSeconds(0.25 + (i * 0.45))).ToList();
        var values = new List<double>();

        var run = await Executor.TimeOffsetsAsync(source, TemplateFamilies.SnapshotByTimeOffset.FindPreset(10)!, offsets, Work(),
            new SynchronousProgress(v => { lock (values) { values.Add(v); } }), CancellationToken.None);

        Assert.Equal(20, run.Images.Count);
        Assert.Equal(values.Order(), values);
        Assert.Equal(100, values[^1]);
        var firstProcess = values.Where(v => v <= 80).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, 16).Select(n => n * 5.0), firstProcess);
    }

    [Fact]
    public async Task TimeOffsetsAsync_PastTheEnd_InvalidTimeOffset()
    {
        var source = await SourceAsync();
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => Executor.TimeOffsetsAsync(
            source, TemplateFamilies.SnapshotByTimeOffset.FindPreset(10)!, [TimeOffset.Parse("2.5s")], Work(), null, CancellationToken.None));
        Assert.Equal(MediaErrorCodes.InvalidTimeOffset, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    public static TheoryData<long, long, string, string, long, long> Geometries => new()
    {
        // Width, Height, ResolutionAdaptive, FillType → frame size (source 320×180)
        { 0, 0, "open", "black", 320, 180 },
        { 160, 0, "open", "black", 160, 90 },
        { 240, 240, "open", "black", 240, 240 },
        { 240, 240, "open", "white", 240, 240 },
        { 240, 240, "open", "gauss", 240, 240 },
        { 240, 240, "open", "stretch", 240, 240 },
        { 0, 160, "close", "black", 284, 160 },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public async Task TimeOffsetsAsync_TemplateGeometry_ImageHasTheFrameSize(long width, long height, string adaptive, string fill, long expectedWidth, long expectedHeight)
    {
        var source = await SourceAsync();
        var template = new SnapshotByTimeOffsetTemplate { Width = width, Height = height, ResolutionAdaptive = adaptive, FillType = fill, Format = "jpg" };

        var run = await Executor.TimeOffsetsAsync(source, template, [TimeOffset.Parse("1s")], Work(), null, CancellationToken.None);

        var (w, h, _, _, _) = await Ffprobe.VideoAsync(run.Images[0].LocalPath);
        Assert.Equal((expectedWidth, expectedHeight), (w, h));
        Assert.Equal((expectedWidth, expectedHeight), (run.Width, run.Height));
    }

    [Theory]
    [InlineData("jpg", "mjpeg")]
    [InlineData("png", "png")]
    [InlineData("webp", "webp")]
    public async Task TimeOffsetsAsync_Format_ImageOfThatCodec(string format, string codec)
    {
        var source = await SourceAsync();

        var run = await Executor.TimeOffsetsAsync(source, new SnapshotByTimeOffsetTemplate { Format = format }, [TimeOffset.Parse("0.2s")], Work(), null, CancellationToken.None);

        Assert.EndsWith("." + format, run.Images[0].LocalPath, StringComparison.Ordinal);
        Assert.Equal(codec, await Ffprobe.CodecAsync(run.Images[0].LocalPath));
    }

    [Fact]
    public async Task TimeOffsetsAsync_PortraitSourceOpen_WidthIsTheLongSide()
    {
        var source = await SourceAsync(180, 320);
        var template = new SnapshotByTimeOffsetTemplate { Width = 160, Height = 0, Format = "webp" };

        var run = await Executor.TimeOffsetsAsync(source, template, [TimeOffset.Parse("0")], Work(), null, CancellationToken.None);

        var (w, h, _, _, _) = await Ffprobe.VideoAsync(run.Images[0].LocalPath);
        Assert.Equal((90, 160), (w, h));
    }

    [Fact]
    public async Task SampleAsync_PercentAndTime_FirstFrameThenEveryInterval()
    {
        var source = await SourceAsync();

        var percent = await Executor.SampleAsync(source, TemplateFamilies.SampleSnapshot.FindPreset(10)!, Work(), null, CancellationToken.None);
        var time = await Executor.SampleAsync(source, new SampleSnapshotTemplate { SampleType = "Time", SampleInterval = 1, Width = 128, Format = "png" }, Work(), null, CancellationToken.None);

        // 10 % of 2 s = 0.2 s = exactly 5 frames at 25 fps: 0, 0.2, … 1.8.
        Assert.Equal(Enumerable.Range(0, 10).Select(i => Math.Round(i * 0.2, 3)), percent.Images.Select(i => i.TimeOffset));
        Assert.Equal([0.0, 1.0], time.Images.Select(i => i.TimeOffset));
        var (w, h, _, _, _) = await Ffprobe.VideoAsync(time.Images[1].LocalPath);
        Assert.Equal((128, 72), (w, h));
        Assert.True(await Ffprobe.PsnrAgainstFrameAsync(percent.Images[3].LocalPath, source.Path, 15) > 30);
    }

    [Fact]
    public async Task SpriteAsync_ThreeByTwo_SheetsAndCellsMatchTheThumbnails()
    {
        var source = await SourceAsync();
        var template = new ImageSpriteTemplate
        {
            SampleType = "Percent", SampleInterval = 10, RowCount = 2, ColumnCount = 3, Width = 64, Height = 36, ResolutionAdaptive = "close", Format = "jpg", FillType = "stretch",
        };

        var run = await Executor.SpriteAsync(source, template, Work(), null, CancellationToken.None);

        Assert.Equal(10, run.Thumbnails.Count);
        Assert.Equal(2, run.Sheets.Count); // 6 per sheet
        foreach (var sheet in run.Sheets)
        {
            var (w, h, _, _, _) = await Ffprobe.VideoAsync(sheet);
            Assert.Equal((3 * 64, 2 * 36), (w, h));
        }

        Assert.Equal(new SpriteThumbnail(0, 0, 0, 0, 64, 36), run.Thumbnails[0]);
        Assert.Equal(new SpriteThumbnail(1, 0, 128, 36, 64, 36), run.Thumbnails[5]);
        Assert.Equal(new SpriteThumbnail(1.2, 1, 0, 0, 64, 36), run.Thumbnails[6]);
        var vtt = WebVtt.Render(run.Thumbnails, ["a.jpg", "b.jpg"], run.Duration);
        Assert.StartsWith("WEBVTT\n\n00:00:00.000 --> 00:00:00.200\na.jpg#xywh=0,0,64,36\n", vtt, StringComparison.Ordinal);
        Assert.EndsWith("00:00:01.800 --> 00:00:02.000\nb.jpg#xywh=0,36,64,36\n", vtt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnimateAsync_Gif_FpsFramesAndDurationOfTheClip()
    {
        var source = await SourceAsync();
        var template = new AnimatedGraphicsTemplate { Fps = 10, Width = 160, Format = "gif", Quality = 50 };

        var run = await Executor.AnimateAsync(source, template, 0.5, 1.5, Work(), null, CancellationToken.None);

        var (w, h, frames, fps, duration) = await Ffprobe.VideoAsync(run.Images[0].LocalPath);
        Assert.Equal((160, 90), (w, h));
        Assert.Equal(10, frames);
        Assert.Equal(10, fps, 1);
        Assert.Equal(1.0, duration, 1);
        Assert.Contains("max_colors=128", run.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnimateAsync_WebP_AnimatedWithOneFramePerTick()
    {
        var source = await SourceAsync();
        var template = new AnimatedGraphicsTemplate { Fps = 5, Format = "webp", Quality = 60 };

        var run = await Executor.AnimateAsync(source, template, 0, 5, Work(), null, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(run.Images[0].LocalPath);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        var anmf = CountChunks(bytes, "ANMF");
        Assert.Equal(10, anmf); // the end (5 s) is clamped to the 2 s source: 2 s × 5 fps
        Assert.Equal((320, 180), (run.Width, run.Height));
    }

    private static int CountChunks(byte[] bytes, string fourCc)
    {
        var count = 0;
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, at, 4);
            var size = BitConverter.ToInt32(bytes, at + 4);
            if (id == fourCc)
            {
                count++;
            }

            // ANIM/ANMF sit at the top level of the RIFF; chunks are padded to even sizes.
            at += 8 + size + (size & 1);
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
