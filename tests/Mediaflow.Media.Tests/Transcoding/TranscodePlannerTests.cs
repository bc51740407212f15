using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

public class TranscodePlannerTests
{
    private static readonly ProbeResult Source = new()
    {
        Container = "mov,mp4,m4a,3gp,3g2,mj2",
        Duration = 10,
        Bitrate = 2_000_000,
        VideoStreams = [new ProbedVideoTrack { Codec = "h264", CodedWidth = 1280, CodedHeight = 720, FpsNumerator = 30, FpsDenominator = 1, Bitrate = 1_800_000 }],
        AudioStreams = [new ProbedAudioTrack { Codec = "aac", SampleRate = 48000, Channels = 2 }],
    };

    private static TranscodePlan Plan(TranscodeTemplate template, ProbeResult? source = null) => TranscodePlanner.Plan(
        new TranscodeRequest { SourcePath = "/w/src.mp4", Source = source ?? Source, Template = template, WorkDirectory = "/w", OutputFileName = "out.mp4" },
        new MediaOptions());

    private static VideoEncoding Video(VideoTemplateInfo v) =>
        Plan(new TranscodeTemplate { Container = "mp4", VideoTemplate = v, RemoveAudio = 1 }).Job.Outputs[0].Video!;

    [Fact]
    public void Plan_Preset100010_Scale360Fps25Vbr400k()
    {
        var plan = Plan(PresetTranscodeTemplates.Find(100010)!);
        var output = plan.Job.Outputs[0];

        Assert.Equal((640, 360), (plan.Geometry!.Width, plan.Geometry.Height));
        Assert.Contains(new FpsFilter(25), plan.Job.FilterGraph[0].Filters);
        Assert.Equal(400_000, output.Video!.Bitrate);
        Assert.Equal(600_000, output.Video.MaxRate);
        Assert.Equal("veryfast", output.Video.Preset);
        Assert.Equal(new AudioEncoding { Encoder = "aac", Bitrate = 64_000, SampleRate = 44100, Channels = 2 }, output.Audio);
        Assert.Equal(["[vout]", "0:a:0"], output.Maps);
    }

    [Fact]
    public void Plan_RateControlModes()
    {
        Assert.Equal(23, Video(new VideoTemplateInfo { Codec = "h264" }).Crf);
        Assert.Equal(28, Video(new VideoTemplateInfo { Codec = "h265" }).Crf);
        var capped = Video(new VideoTemplateInfo { Codec = "h264", Mode = "VCRF", Vcrf = 30, Bitrate = 500 });
        Assert.Equal((30, 500_000L, 1_000_000L), (capped.Crf!.Value, capped.MaxRate!.Value, capped.BufferSize!.Value));
        var cbr = Video(new VideoTemplateInfo { Codec = "h264", Mode = "CBR", Bitrate = 500 });
        Assert.Equal((500_000L, 500_000L, 500_000L), (cbr.Bitrate!.Value, cbr.MinRate!.Value, cbr.MaxRate!.Value));
        Assert.Equal(1_800_000, Video(new VideoTemplateInfo { Codec = "h264", Mode = "ABR" }).Bitrate);
    }

    [Fact]
    public void Plan_GopInSeconds_UsesOutputFps()
    {
        Assert.Equal(60, Video(new VideoTemplateInfo { Codec = "h264", Gop = 2, GopUnit = "second" }).Gop);
        Assert.Equal(50, Video(new VideoTemplateInfo { Codec = "h264", Fps = 25, Gop = 2, GopUnit = "second" }).Gop);
        Assert.Equal(48, Video(new VideoTemplateInfo { Codec = "h264", Gop = 48 }).Gop);
    }

    [Fact]
    public void Plan_H265InMp4_TaggedHvc1WithLevel()
    {
        var video = Video(new VideoTemplateInfo { Codec = "h265", VideoLevel = "3.1" });
        Assert.Equal("libx265", video.Encoder);
        Assert.Equal("hvc1", video.Tag);
        Assert.Contains(new KeyValuePair<string, string>("level-idc", "3.1"), video.EncoderParams);
    }

    [Fact]
    public void Plan_AudioOnlySourceIntoVideoTemplate_NoVideoMedia()
    {
        var audioOnly = Source with { VideoStreams = [] };
        var failure = Assert.Throws<MediaFailure>(() => Plan(PresetTranscodeTemplates.Find(100010)!, audioOnly));
        Assert.Equal(MediaErrorCodes.NoVideoMedia, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    [Fact]
    public void Plan_VideoOnlySourceWithAudioTemplate_OutputWithoutAudio()
    {
        var plan = Plan(PresetTranscodeTemplates.Find(100010)!, Source with { AudioStreams = [] });
        Assert.Null(plan.Job.Outputs[0].Audio);
        Assert.Equal(["[vout]"], plan.Job.Outputs[0].Maps);
    }

    [Fact]
    public void Plan_Clip_SeeksInputAndLimitsDuration()
    {
        var plan = TranscodePlanner.Plan(
            new TranscodeRequest { SourcePath = "/w/src.mp4", Source = Source, Template = PresetTranscodeTemplates.Find(1010)!, WorkDirectory = "/w", OutputFileName = "o.mp3", StartTimeOffset = 2, EndTimeOffset = -3 },
            new MediaOptions());
        Assert.Equal(TimeSpan.FromSeconds(2), plan.Job.Inputs[0].Seek);
        Assert.Equal(TimeSpan.FromSeconds(5), plan.Job.Inputs[0].Duration);
        Assert.Null(plan.Job.Outputs[0].Video);
        Assert.Equal("libmp3lame", plan.Job.Outputs[0].Audio!.Encoder);
    }
}
