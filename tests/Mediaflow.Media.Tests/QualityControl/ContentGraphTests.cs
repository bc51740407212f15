using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.QualityControl;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>The content graph holds only what the enabled items need, and one decode feeds all of it.</summary>
public class ContentGraphTests
{
    private static readonly ProbeResult Hd = new()
    {
        Duration = 10,
        VideoStreams = [new ProbedVideoTrack { CodedWidth = 1920, CodedHeight = 1080 }],
        AudioStreams = [new ProbedAudioTrack()],
    };

    private static string Graph(IEnumerable<string> items, string? frames = null)
    {
        var settings = ItemSettings.Resolve(items.Select(i => new QcItemRequest(i)));
        var graph = ContentGraph.Build("/in/src.mp4", Hd, settings, frames, new MediaOptions());
        var args = FfmpegArgumentRenderer.Render(graph.Job);
        Assert.Single(args, a => a == "-i");
        return args[args.ToList().IndexOf("-filter_complex") + 1];
    }

    [Fact]
    public void Build_AllItems_EveryDetectorBehindOneInput()
    {
        var graph = Graph(ContentItem.All.Keys);

        foreach (var filter in new[] { "fps=fps=2/1", "cropdetect=", "scale=w=640:h=360", "blurdetect", "signalstats", "freezedetect=n=0.001:d=1", "removegrain=m0=4", "psnr", "ebur128=", "astats=", "aspectralstats=", "aformat=sample_rates=16000" })
        {
            Assert.Contains(filter, graph, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_CrashScreen_TimestampTraceOnlyWhenEnabled()
    {
        string[] Args(params string[] items) =>
            [.. FfmpegArgumentRenderer.Render(ContentGraph.Build("/in/src.mp4", Hd, ItemSettings.Resolve(items.Select(i => new QcItemRequest(i))), null, new MediaOptions()).Job)];

        Assert.Contains("-debug_ts", Args("CrashScreen"));
        Assert.Contains("-debug_ts", Args("Blur", "CrashScreen", "NoVoice"));
        Assert.DoesNotContain("-debug_ts", Args(ContentItem.All.Keys.Where(k => k != "CrashScreen").ToArray()));
        Assert.Single(Args("CrashScreen"), a => a == "-i");
    }

    [Fact]
    public void Build_OnlySoundItems_NoVideoChain()
    {
        var graph = Graph(["NoVoice"]);

        Assert.DoesNotContain("0:v", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("ebur128", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("aspectralstats", graph, StringComparison.Ordinal);
        Assert.Contains("astats=", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FramesWanted_GrayRawOutputFromTheSampledCopy()
    {
        var settings = ItemSettings.Resolve([new QcItemRequest("Blur")]);
        var graph = ContentGraph.Build("/in/src.mp4", Hd, settings, "/work/frames.gray", new MediaOptions());
        var args = FfmpegArgumentRenderer.Render(graph.Job);

        Assert.Equal((640, 360), (graph.FrameWidth, graph.FrameHeight));
        Assert.Contains("format=pix_fmts=gray", args[args.ToList().IndexOf("-filter_complex") + 1], StringComparison.Ordinal);
        Assert.Equal("/work/frames.gray", args[^1]);
        Assert.Contains("rawvideo", args);
    }

    [Fact]
    public void Build_NativeWanted_CentredWindowOnTheMacroblockGridCutBeforeTheDownscale()
    {
        var settings = ItemSettings.Resolve([new QcItemRequest("Blur")]);
        var graph = ContentGraph.Build("/in/src.mp4", Hd, settings, "/work/frames.gray", new MediaOptions(), nativeOutputPath: "/work/native.gray");
        var args = FfmpegArgumentRenderer.Render(graph.Job);
        var filter = args[args.ToList().IndexOf("-filter_complex") + 1];

        Assert.Single(args, a => a == "-i");
        Assert.Equal((640, 360), (graph.NativeFrameWidth, graph.NativeFrameHeight));

        // (1920 − 640) / 2 = 640 and (1080 − 360) / 2 = 360, rounded down to the 16-px grid: 352.
        Assert.Contains("split=outputs=2[mfqcr0][mfqcr1];[mfqcr1]crop=w=640:h=360:x=640:y=352,format=pix_fmts=gray[mfqcr]", filter, StringComparison.Ordinal);
        Assert.Contains("[mfqcr0]scale=w=640:h=360", filter, StringComparison.Ordinal);
        Assert.Contains("/work/native.gray", args);
        Assert.Contains("/work/frames.gray", args);
    }

    [Theory]
    [InlineData(640, 360)]
    [InlineData(480, 270)]
    public void NativeWindow_SourceNoWiderThanTheSampledCopy_NoWindow(long width, long height) =>
        Assert.Null(ContentGraph.NativeWindow(width, height));

    [Theory]
    [InlineData(1280, 720, 640, 360, 320, 176)]
    [InlineData(3840, 2160, 640, 360, 1600, 896)]
    [InlineData(1920, 200, 640, 200, 640, 0)]
    public void NativeWindow_WideSource_CentredAndAligned(long width, long height, int w, int h, int x, int y) =>
        Assert.Equal((w, h, x, y), ContentGraph.NativeWindow(width, height));

    [Fact]
    public void Build_MotionWanted_SecondGrayOutputAt15FpsAnd320Px_SampledChainUnchanged()
    {
        var settings = ItemSettings.Resolve([new QcItemRequest("Blur")]);
        var plain = FfmpegArgumentRenderer.Render(ContentGraph.Build("/in/src.mp4", Hd, settings, "/work/frames.gray", new MediaOptions()).Job);
        var graph = ContentGraph.Build("/in/src.mp4", Hd, settings, "/work/frames.gray", new MediaOptions(), "/work/motion.gray");
        var args = FfmpegArgumentRenderer.Render(graph.Job);
        var filter = args[args.ToList().IndexOf("-filter_complex") + 1];

        Assert.Single(args, a => a == "-i");
        Assert.Equal((320, 180), (graph.MotionFrameWidth, graph.MotionFrameHeight));
        Assert.True(graph.MotionStudioRange);
        Assert.StartsWith("[0:v:0]split=outputs=2[mfqcd0][mfqcd1]", filter, StringComparison.Ordinal);
        Assert.Contains("fps=fps=15/1,extractplanes=planes=y,scale=w=320:h=180:flags=area,format=pix_fmts=gray[mfqcj]", filter, StringComparison.Ordinal);
        Assert.Contains("fps=fps=2/1", filter, StringComparison.Ordinal);
        Assert.Equal("/work/motion.gray", args[^1]);
        Assert.Contains("/work/frames.gray", args);
        var plainFilter = plain[plain.ToList().IndexOf("-filter_complex") + 1];
        Assert.Contains(plainFilter.Replace("[0:v:0]", "[mfqcd0]", StringComparison.Ordinal), filter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yuv420p", "", true)]
    [InlineData("yuv420p", "tv", true)]
    [InlineData("yuv420p", "pc", false)]
    [InlineData("yuvj420p", "", false)]
    public void Build_Motion_StretchedToFullRangeOnlyWhenTheSourceIsStudioRange(string pixelFormat, string colorRange, bool studio)
    {
        var source = Hd with { VideoStreams = [Hd.Video! with { PixelFormat = pixelFormat, ColorRange = colorRange }] };
        var graph = ContentGraph.Build("/in/src.mp4", source, ItemSettings.Resolve([]), null, new MediaOptions(), "/work/motion.gray");

        Assert.Equal(studio, graph.MotionStudioRange);
    }

    [Fact]
    public void Build_OnlyMotion_NoSampledChain()
    {
        var graph = ContentGraph.Build("/in/src.mp4", Hd, ItemSettings.Resolve([]), null, new MediaOptions(), "/work/motion.gray");
        var args = FfmpegArgumentRenderer.Render(graph.Job);
        var filter = args[args.ToList().IndexOf("-filter_complex") + 1];

        Assert.DoesNotContain("split", filter, StringComparison.Ordinal);
        Assert.DoesNotContain("fps=fps=2/1", filter, StringComparison.Ordinal);
        Assert.StartsWith("[0:v:0]setpts", filter, StringComparison.Ordinal);
        Assert.Equal("/work/motion.gray", args[^1]);
    }

    [Theory]
    [InlineData(1920, 1080, 640, 360)]
    [InlineData(640, 360, 640, 360)]
    [InlineData(321, 241, 320, 240)]
    [InlineData(1080, 1920, 640, 1138)]
    public void AnalysisSize_AtMost640WideAndEven(long width, long height, int w, int h) =>
        Assert.Equal((w, h), ContentGraph.AnalysisSize(width, height));
}
