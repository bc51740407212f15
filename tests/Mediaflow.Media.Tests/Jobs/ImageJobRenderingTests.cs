using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Tests.Jobs;

/// <summary>The renderer's image additions: quoted select expressions, image/animation muxers, frame count, passthrough timing.</summary>
public class ImageJobRenderingTests
{
    [Fact]
    public void Render_SampledSequence_ExactArgumentList()
    {
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = "/w/src.mp4" }],
            FilterGraph = [new FilterChain(["0:v:0"], [new SetPtsFilter(), new SelectFilter(2.5), new ShowInfoFilter(), new ScaleFilter(142, 80), new TileFilter(10, 10)], ["v"])],
            Outputs =
            [
                new FfmpegOutput
                {
                    Path = "/w/sprite_%06d.jpg", Maps = ["[v]"], PassthroughTimestamps = true, Muxer = new ImageMuxer(Sequence: true),
                    Video = new VideoEncoding { Encoder = "mjpeg", Quality = 2, PixelFormat = "yuvj420p" },
                },
            ],
        };

        Assert.Equal(
            ["-hide_banner", "-nostdin", "-nostats", "-y", "-progress", "pipe:1", "-protocol_whitelist", "file,pipe", "-i", "/w/src.mp4",
             "-filter_complex", "[0:v:0]setpts=expr=PTS-STARTPTS,select=expr='eq(n,0)+gt(floor(t/2.5+0.000001),floor(prev_t/2.5+0.000001))',showinfo,scale=w=142:h=80,tile=layout=10x10[v]",
             "-map", "[v]", "-c:v", "mjpeg", "-q:v", "2", "-pix_fmt", "yuvj420p", "-an", "-sn", "-dn", "-fps_mode", "passthrough",
             "-map_metadata", "-1", "-map_chapters", "-1", "-f", "image2", "-start_number", "0", "/w/sprite_%06d.jpg"],
            FfmpegArgumentRenderer.Render(job));
    }

    [Fact]
    public void Render_SingleImageAndAnimation_UpdateFramesAndLoop()
    {
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = "/w/src.mp4", Seek = TimeSpan.FromSeconds(1.5) }],
            Outputs =
            [
                new FfmpegOutput { Path = "/w/a.png", Maps = ["0:v:0"], VideoFrames = 1, Muxer = new ImageMuxer(Sequence: false), Video = new VideoEncoding { Encoder = "png", PixelFormat = "rgb24" } },
                new FfmpegOutput { Path = "/w/a.webp", Maps = ["0:v:0"], Muxer = new AnimationMuxer("webp"), Video = new VideoEncoding { Encoder = "libwebp_anim", Quality = 60 } },
            ],
        };

        var args = string.Join(' ', FfmpegArgumentRenderer.Render(job));

        Assert.Contains("-ss 1.5 -i /w/src.mp4", args, StringComparison.Ordinal);
        Assert.Contains("-frames:v 1 -map_metadata -1 -map_chapters -1 -f image2 -update 1 /w/a.png", args, StringComparison.Ordinal);
        Assert.Contains("-c:v libwebp_anim -q:v 60", args, StringComparison.Ordinal);
        Assert.EndsWith("-f webp -loop 0 /w/a.webp", args, StringComparison.Ordinal);
    }

    private sealed record RawExpression(string Expression) : Filter
    {
        public override string Name => "select";

        public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("expr", Expression)];

        public override bool IsExpression(string key) => true;
    }

    [Theory]
    [InlineData("gt(t,1)'[x];[0:v]drawtext")]
    [InlineData("gt(t,1):enable=1")]
    [InlineData("gt(t\\,1)")]
    [InlineData("")]
    public void RenderGraph_ExpressionThatCouldLeaveItsQuotes_Refused(string expression) =>
        Assert.Throws<ArgumentException>(() => FfmpegArgumentRenderer.RenderGraph([new FilterChain(["0:v"], [new RawExpression(expression)], ["o"])]));
}
