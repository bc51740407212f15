using Mediaflow.Media.Jobs;
using Mediaflow.Media.Streaming;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Streaming;

/// <summary>Pure: the DASH output's arguments (per-stream encoders, muxer options) and which files belong to a representation.</summary>
public class DashRenderingTests
{
    private static FfmpegJob Job(DashMuxer muxer) => new()
    {
        Inputs = [new FfmpegInput { Path = "/in/src.mp4" }],
        Outputs =
        [
            new FfmpegOutput
            {
                Path = "/out/m.mpd",
                Maps = ["[v0]", "[v1]", "0:a:0"],
                VideoStreams =
                [
                    new VideoEncoding { Encoder = "libx264", Preset = "veryfast", Bitrate = 600_000, ForceKeyFrames = "expr:gte(t,n_forced*2)" },
                    new VideoEncoding { Encoder = "libx264", Bitrate = 300_000, Gop = 50 },
                ],
                AudioStreams = [new AudioEncoding { Encoder = "aac", Bitrate = 64_000 }],
                Muxer = muxer,
            },
        ],
    };

    [Fact]
    public void Render_DashLadder_PerStreamEncodersAndMuxerOptions()
    {
        var args = FfmpegArgumentRenderer.Render(Job(new DashMuxer
        {
            SegmentSeconds = 2, AdaptationSets = ["v", "a"], InitName = "m_$RepresentationID$.mp4", MediaName = "m_$RepresentationID$_$Number$.m4s",
        }));

        var output = string.Join(' ', args.SkipWhile(a => a != "-map"));
        Assert.Equal(
            "-map [v0] -map [v1] -map 0:a:0 "
            + "-c:v:0 libx264 -preset:v:0 veryfast -b:v:0 600000 -force_key_frames:v:0 expr:gte(t,n_forced*2) -pix_fmt:v:0 yuv420p "
            + "-c:v:1 libx264 -b:v:1 300000 -g:v:1 50 -pix_fmt:v:1 yuv420p "
            + "-c:a:0 aac -b:a:0 64000 -sn -dn -map_metadata -1 -map_chapters -1 "
            + "-f dash -seg_duration 2 -use_template 1 -use_timeline 1 -dash_segment_type mp4 -adaptation_sets id=0,streams=v id=1,streams=a "
            + "-init_seg_name m_$RepresentationID$.mp4 -media_seg_name m_$RepresentationID$_$Number$.m4s /out/m.mpd",
            output);
        Assert.DoesNotContain("-vn", args);
        Assert.DoesNotContain("-an", args);
    }

    [Fact]
    public void Render_DashSingleFile_OneByteRangedFilePerRepresentation()
    {
        var args = FfmpegArgumentRenderer.Render(Job(new DashMuxer { SegmentSeconds = 4, AdaptationSets = ["v", "a"], SingleFile = true, InitName = "r$RepresentationID$.mp4" }));

        Assert.Equal(["-single_file", "1", "-single_file_name", "r$RepresentationID$.mp4", "/out/m.mpd"], args.TakeLast(5));
        Assert.DoesNotContain("-media_seg_name", args);
    }

    [Theory]
    [InlineData("a$b$RepresentationID$.mp4")]
    [InlineData("sub/$RepresentationID$.mp4")]
    public void Render_DashNameWithForeignDollarOrDirectory_Refused(string name) =>
        Assert.Throws<ArgumentException>(() => FfmpegArgumentRenderer.Render(Job(new DashMuxer
        {
            SegmentSeconds = 2, AdaptationSets = ["v"], InitName = name, MediaName = "x_$RepresentationID$_$Number$.m4s",
        })));

    [Fact]
    public void Render_BothOneEncoderAndPerStreamEncoders_Refused()
    {
        var job = Job(new DashMuxer { SegmentSeconds = 2, AdaptationSets = ["v"], InitName = "i$RepresentationID$.mp4", MediaName = "s$RepresentationID$_$Number$.m4s" });
        var both = job with { Outputs = [job.Outputs[0] with { Video = new VideoEncoding { Encoder = "libx264" } }] };
        Assert.Throws<ArgumentException>(() => FfmpegArgumentRenderer.Render(both));
    }

    [Theory]
    [InlineData("m_1.mp4", true)]
    [InlineData("m_1_12.m4s", true)]
    [InlineData("m_11.mp4", false)]
    [InlineData("m_11_1.m4s", false)]
    [InlineData("m_1_x.m4s", false)]
    [InlineData("m_1.mpd", false)]
    public void Belongs_ByTheRepresentationsNameTemplates(string fileName, bool belongs) =>
        Assert.Equal(belongs, DashFileNames.Belongs(fileName,
            new DashRepresentation(1, [1], new OutputGeometry(320, 180, 320, 180, 0, 0), "m_$RepresentationID$.mp4", "m_$RepresentationID$_$Number$.m4s")));
}
