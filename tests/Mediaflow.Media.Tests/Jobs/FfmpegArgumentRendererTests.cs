using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Tests.Jobs;

public class FfmpegArgumentRendererTests
{
    [Fact]
    public void Render_KnownMp4Job_ExactArgumentList()
    {
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = "/in/src.mov", Seek = TimeSpan.FromSeconds(1.5), Duration = TimeSpan.FromSeconds(2), FormatWhitelist = ["mov", "matroska"] }],
            FilterGraph = [new FilterChain(["0:v:0"], [new FpsFilter(25), new ScaleFilter(640, 360), new PadFilter(640, 480, 0, 60), new SetSarFilter(), new FormatFilter("yuv420p")], ["vout"])],
            Outputs =
            [
                new FfmpegOutput
                {
                    Path = "/out/a b.mp4",
                    Maps = ["[vout]", "0:a:0"],
                    Video = new VideoEncoding { Encoder = "libx264", Preset = "veryfast", Profile = "main", Level = "3.1", Bitrate = 400_000, MaxRate = 600_000, BufferSize = 800_000, Gop = 50, BFrames = 2 },
                    Audio = new AudioEncoding { Encoder = "aac", Bitrate = 64_000, SampleRate = 44100, Channels = 2 },
                    Muxer = new Mp4Muxer(),
                },
            ],
            MaxPixels = 33_177_600,
            Threads = 2,
        };

        string[] expected =
        [
            "-hide_banner", "-nostdin", "-nostats", "-y", "-progress", "pipe:1",
            "-protocol_whitelist", "file,pipe", "-format_whitelist", "mov,matroska", "-max_pixels", "33177600",
            "-ss", "1.5", "-t", "2", "-i", "/in/src.mov",
            "-filter_complex", "[0:v:0]fps=fps=25/1,scale=w=640:h=360,pad=w=640:h=480:x=0:y=60:color=black,setsar=sar=1,format=pix_fmts=yuv420p[vout]",
            "-map", "[vout]", "-map", "0:a:0",
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-level:v", "3.1",
            "-b:v", "400000", "-maxrate:v", "600000", "-bufsize:v", "800000", "-g", "50", "-bf", "2", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "64000", "-ar", "44100", "-ac", "2",
            "-sn", "-dn", "-threads", "2", "-map_metadata", "-1", "-map_chapters", "-1",
            "-f", "mp4", "-movflags", "+faststart", "/out/a b.mp4",
        ];
        Assert.Equal(expected, FfmpegArgumentRenderer.Render(job));
    }

    private static FfmpegJob TeeJob(string secondPath) => new()
    {
        Inputs = [new FfmpegInput { Path = "/in/src.mp4" }],
        FilterGraph = [new FilterChain(["0:v:0"], [new SplitFilter(2)], ["a", "b"])],
        Outputs =
        [
            new FfmpegOutput
            {
                Path = "/out/a.mp4",
                Maps = ["[a]", "[b]", "0:a:0"],
                VideoStreams = [new VideoEncoding { Encoder = "libx264", Crf = 23 }, new VideoEncoding { Encoder = "libx264", Crf = 30 }],
                Audio = new AudioEncoding { Encoder = "aac", Bitrate = 128_000 },
                Muxer = new TeeMuxer([new TeeSlave("/out/a.mp4", new Mp4Muxer(), 0), new TeeSlave(secondPath, new Mp4Muxer("mov", FastStart: false), 1)]),
            },
        ],
    };

    [Fact]
    public void Render_TeeOutput_PerStreamEncodersGlobalHeadersAndOneSlavePerVideoStream()
    {
        var args = FfmpegArgumentRenderer.Render(TeeJob("/out/b.mov"));

        Assert.Equal(
            ["-map", "[a]", "-map", "[b]", "-map", "0:a:0",
             "-c:v:0", "libx264", "-crf:v:0", "23", "-pix_fmt:v:0", "yuv420p", "-c:v:1", "libx264", "-crf:v:1", "30", "-pix_fmt:v:1", "yuv420p",
             "-c:a", "aac", "-b:a", "128000", "-sn", "-dn", "-map_metadata", "-1", "-map_chapters", "-1",
             "-f", "tee", "-flags", "+global_header",
             "[f=mp4:movflags=+faststart:select=\\'v:0,a\\']/out/a.mp4|[f=mov:select=\\'v:1,a\\']/out/b.mov"],
            args.SkipWhile(a => a != "-map"));
    }

    [Theory]
    [InlineData("/out/b|c.mp4")]
    [InlineData("/out/[b].mp4")]
    [InlineData("/out/b:c.mp4")]
    [InlineData("/out/b\\'.mp4")]
    public void Render_TeeSlavePathWithTeeSyntax_Refused(string path) =>
        Assert.Throws<ArgumentException>(() => FfmpegArgumentRenderer.Render(TeeJob(path)));

    [Fact]
    public void Render_HlsAudioOnly_HlsOptionsAndNoVideo()
    {
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = "/in/a.m4a" }],
            Outputs =
            [
                new FfmpegOutput
                {
                    Path = "/out/p.m3u8",
                    Maps = ["0:a:0"],
                    Audio = new AudioEncoding { Encoder = "aac" },
                    StripMetadata = false,
                    Muxer = new HlsMuxer { SegmentSeconds = 4, SegmentPathPattern = "/out/.mfseg-%05d.m4s", SegmentType = "fmp4", InitFileName = "init.mp4" },
                },
            ],
        };

        string[] expected =
        [
            "-hide_banner", "-nostdin", "-nostats", "-y", "-progress", "pipe:1",
            "-protocol_whitelist", "file,pipe", "-i", "/in/a.m4a",
            "-map", "0:a:0", "-vn", "-c:a", "aac", "-sn", "-dn",
            "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_list_size", "0", "-hls_segment_type", "fmp4",
            "-hls_fmp4_init_filename", "init.mp4", "-hls_segment_filename", "/out/.mfseg-%05d.m4s", "/out/p.m3u8",
        ];
        Assert.Equal(expected, FfmpegArgumentRenderer.Render(job));
    }

    [Theory]
    [InlineData("relative.mp4")]
    [InlineData("-i")]
    [InlineData("http://example.invalid/x.mp4")]
    public void Render_NonAbsoluteInput_Refused(string path) =>
        Assert.Throws<ArgumentException>(() => FfmpegArgumentRenderer.Render(new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = path }],
            Outputs = [new FfmpegOutput { Path = "/out/x.mp4", Muxer = new Mp4Muxer() }],
        }));

    [Fact]
    public void RenderGraph_ValueThatWouldChangeTheGraph_Refused() =>
        Assert.Throws<ArgumentException>(() => FfmpegArgumentRenderer.RenderGraph([new FilterChain(["0:v"], [new PadFilter(2, 2, 0, 0, "black,drawtext=x")], ["o"])]));
}
