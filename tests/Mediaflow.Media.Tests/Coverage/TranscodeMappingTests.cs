using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Coverage;

/// <summary>
/// The exact ffmpeg arguments of template fields that no other test pins down (docs/coverage/transcode.md names these
/// methods). Pure: plan + render, no ffmpeg run.
/// </summary>
public class TranscodeMappingTests
{
    private static readonly ProbeResult Source = new()
    {
        Container = "mov,mp4,m4a,3gp,3g2,mj2",
        Duration = 10,
        Bitrate = 2_000_000,
        VideoStreams = [new ProbedVideoTrack { Codec = "h264", CodedWidth = 1280, CodedHeight = 720, FpsNumerator = 30, FpsDenominator = 1, Bitrate = 1_800_000 }],
        AudioStreams = [new ProbedAudioTrack { Codec = "aac", SampleRate = 96000, Channels = 6 }],
    };

    private static readonly TranscodeTemplate Preset100010 = PresetTranscodeTemplates.Find(100010)!;

    private static TranscodePlan Plan(TranscodeTemplate template, string output = "out.mp4") => TranscodePlanner.Plan(
        new TranscodeRequest { SourcePath = "/w/src.mp4", Source = Source, Template = template, WorkDirectory = "/w", OutputFileName = output },
        new MediaOptions());

    /// <summary>The rendered command line, space-joined, for substring assertions.</summary>
    private static string Args(TranscodeTemplate template, string output = "out.mp4") =>
        " " + string.Join(' ', FfmpegArgumentRenderer.Render(Plan(template, output).Job)) + " ";

    private static TranscodeTemplate WithVideo(VideoTemplateInfo video) => Preset100010 with { VideoTemplate = video };

    [Fact]
    public void Plan_RemoveVideo_AudioOnlyOutputWithVn()
    {
        var template = Preset100010 with { RemoveVideo = 1, VideoTemplate = null };
        var plan = Plan(template);

        Assert.Empty(plan.Job.FilterGraph);
        Assert.Null(plan.Job.Outputs[0].Video);
        Assert.Equal(["0:a:0"], plan.Job.Outputs[0].Maps);
        Assert.Contains(" -map 0:a:0 -vn -c:a aac ", Args(template), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RemoveAudio_VideoOnlyOutputWithAn()
    {
        var template = Preset100010 with { RemoveAudio = 1 };
        var plan = Plan(template);

        Assert.Null(plan.Job.Outputs[0].Audio);
        Assert.Equal(["[vout]"], plan.Job.Outputs[0].Maps);
        Assert.Contains(" -an -sn -dn ", Args(template), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_VideoChain_FpsScaleSetsarFormat()
    {
        var args = Args(WithVideo(Preset100010.VideoTemplate! with { Fps = 30000, FpsDenominator = 1001 }));

        Assert.Contains(" -filter_complex [0:v:0]fps=fps=30000/1001,scale=w=640:h=360,setsar=sar=1,format=pix_fmts=yuv420p[vout] ", args, StringComparison.Ordinal);
        Assert.Contains(" -pix_fmt yuv420p ", args, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FillType_BlackPadsStretchDoesNot()
    {
        var box = new VideoTemplateInfo { Codec = "h264", Width = 640, Height = 480, ResolutionAdaptive = "close" };

        Assert.Contains("scale=w=640:h=360,pad=w=640:h=480:x=0:y=60:color=black,setsar", Args(WithVideo(box with { FillType = "black" })), StringComparison.Ordinal);
        Assert.Contains("scale=w=640:h=360,pad=w=640:h=480:x=0:y=60:color=black,setsar", Args(WithVideo(box)), StringComparison.Ordinal);
        Assert.Contains("scale=w=640:h=480,setsar", Args(WithVideo(box with { FillType = "stretch" })), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ProfileAndLevel_H264OptionsH265Params()
    {
        Assert.Contains(" -c:v libx264 -preset veryfast -profile:v high -level:v 4.1 ",
            Args(WithVideo(new VideoTemplateInfo { Codec = "h264", VideoProfile = "high", VideoLevel = "4.1" })), StringComparison.Ordinal);
        var h265 = Args(WithVideo(new VideoTemplateInfo { Codec = "h265", VideoProfile = "main", VideoLevel = "4.1" }));
        Assert.Contains(" -c:v libx265 -preset veryfast -profile:v main -crf 28 ", h265, StringComparison.Ordinal);
        Assert.Contains(" -tag:v hvc1 -x265-params log-level=error:level-idc=4.1 ", h265, StringComparison.Ordinal);
        Assert.DoesNotContain("-profile:v", Args(WithVideo(new VideoTemplateInfo { Codec = "h264", VideoProfile = "default" })), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Bframes_BfOrEncoderDefault()
    {
        Assert.Contains(" -bf 2 ", Args(WithVideo(new VideoTemplateInfo { Codec = "h264", Bframes = 2 })), StringComparison.Ordinal);
        Assert.Contains(" -bf 0 ", Args(WithVideo(new VideoTemplateInfo { Codec = "h264", Bframes = 0 })), StringComparison.Ordinal);
        Assert.DoesNotContain(" -bf ", Args(WithVideo(new VideoTemplateInfo { Codec = "h264", Bframes = -1 })), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RateControl_RenderedArguments()
    {
        Assert.Contains(" -b:v 400000 -maxrate:v 600000 -bufsize:v 800000 ", Args(Preset100010), StringComparison.Ordinal);
        Assert.Contains(" -crf 30 -maxrate:v 500000 -bufsize:v 1000000 ",
            Args(WithVideo(new VideoTemplateInfo { Codec = "h264", Mode = "VCRF", Vcrf = 30, Bitrate = 500 })), StringComparison.Ordinal);
        Assert.Contains(" -b:v 500000 -minrate:v 500000 -maxrate:v 500000 -bufsize:v 500000 ",
            Args(WithVideo(new VideoTemplateInfo { Codec = "h264", Mode = "CBR", Bitrate = 500 })), StringComparison.Ordinal);
        Assert.Contains(" -g 48 ", Args(WithVideo(new VideoTemplateInfo { Codec = "h264", Gop = 48 })), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Hls_SegmentSecondsSegmentTypeAndForcedKeyFrames()
    {
        var hls = Preset100010 with { Container = "hls" };
        var ts = Args(hls with { VideoTemplate = hls.VideoTemplate! with { HlsTime = 4 } }, "out.m3u8");
        Assert.Contains(" -force_key_frames expr:gte(t,n_forced*4) ", ts, StringComparison.Ordinal);
        Assert.Contains(" -f hls -hls_time 4 -hls_playlist_type vod -hls_list_size 0 -hls_segment_type mpegts -hls_segment_filename /w/.mfseg-%05d.ts ", ts, StringComparison.Ordinal);

        Assert.Contains(" -hls_time 10 ", Args(hls, "out.m3u8"), StringComparison.Ordinal);

        var fmp4 = Args(hls with { VideoTemplate = hls.VideoTemplate! with { SegmentType = 7 } }, "out.m3u8");
        Assert.Contains(" -hls_segment_type fmp4 -hls_fmp4_init_filename out_init.mp4 -hls_segment_filename /w/.mfseg-%05d.m4s ", fmp4, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mp4", "out.mp4", " -f mp4 -movflags +faststart /w/out.mp4 ")]
    [InlineData("m4a", "out.m4a", " -f ipod -movflags +faststart /w/out.m4a ")]
    [InlineData("mp3", "out.mp3", " -f mp3 /w/out.mp3 ")]
    [InlineData("flac", "out.flac", " -f flac /w/out.flac ")]
    [InlineData("ogg", "out.ogg", " -f ogg /w/out.ogg ")]
    [InlineData("wav", "out.wav", " -f wav /w/out.wav ")]
    [InlineData("flv", "out.flv", " -f flv /w/out.flv ")]
    [InlineData("ts", "out.ts", " -f mpegts /w/out.ts ")]
    [InlineData("webm", "out.webm", " -f webm /w/out.webm ")]
    [InlineData("mkv", "out.mkv", " -f matroska /w/out.mkv ")]
    [InlineData("mov", "out.mov", " -f mov -movflags +faststart /w/out.mov ")]
    [InlineData("mxf", "out.mxf", " -f mxf /w/out.mxf ")]
    public void Plan_Container_Muxer(string container, string output, string expected)
    {
        var codec = container switch { "mp3" => "mp3", "flac" => "flac", "ogg" => "opus", "wav" => "pcm16", _ => "aac" };
        var template = container switch
        {
            "mp4" or "flv" or "mkv" or "mov" or "ts" => Preset100010 with { Container = container },
            "webm" => new TranscodeTemplate { Container = container, VideoTemplate = new VideoTemplateInfo { Codec = "vp9" }, AudioTemplate = new AudioTemplateInfo { Codec = "opus" } },
            "mxf" => new TranscodeTemplate { Container = container, VideoTemplate = new VideoTemplateInfo { Codec = "mpeg2", Fps = 25 }, AudioTemplate = new AudioTemplateInfo { Codec = "pcm16" } },
            _ => new TranscodeTemplate { Container = container, RemoveVideo = 1, AudioTemplate = new AudioTemplateInfo { Codec = codec } },
        };
        TranscodeTemplateRules.Validate(template);
        Assert.EndsWith(expected, Args(template, output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mkv", "h264", "VBR", 0, " -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p ")]
    [InlineData("mkv", "av1", "VBR", 0, " -c:v libsvtav1 -preset 10 -crf 35 -pix_fmt yuv420p ")]
    [InlineData("mkv", "av1", "VBR", 500, " -c:v libsvtav1 -preset 10 -b:v 500000 -pix_fmt yuv420p ")]
    [InlineData("mkv", "av1", "VCRF", 500, " -c:v libsvtav1 -preset 10 -crf 35 -maxrate:v 500000 -bufsize:v 1000000 -pix_fmt yuv420p ")]
    [InlineData("webm", "vp9", "VBR", 0, " -c:v libvpx-vp9 -crf 31 -b:v 0 -pix_fmt yuv420p -deadline good -cpu-used 5 -row-mt 1 ")]
    [InlineData("webm", "vp9", "VCRF", 500, " -c:v libvpx-vp9 -crf 31 -b:v 500000 -pix_fmt yuv420p -deadline good -cpu-used 5 -row-mt 1 ")]
    [InlineData("webm", "vp9", "CBR", 500, " -c:v libvpx-vp9 -b:v 500000 -minrate:v 500000 -maxrate:v 500000 -bufsize:v 500000 -pix_fmt yuv420p -deadline good -cpu-used 5 -row-mt 1 ")]
    [InlineData("webm", "vp8", "VBR", 0, " -c:v libvpx -crf 10 -b:v 4000000 -pix_fmt yuv420p -deadline good -cpu-used 5 ")]
    [InlineData("webm", "vp8", "ABR", 500, " -c:v libvpx -b:v 500000 -pix_fmt yuv420p -deadline good -cpu-used 5 ")]
    [InlineData("ts", "mpeg2", "VBR", 0, " -c:v mpeg2video -q:v 3 -pix_fmt yuv420p ")]
    [InlineData("ts", "mpeg2", "VBR", 500, " -c:v mpeg2video -b:v 500000 -maxrate:v 750000 -bufsize:v 1000000 -pix_fmt yuv420p ")]
    public void Plan_VideoCodec_EncoderAndRateControl(string container, string codec, string mode, long bitrate, string expected)
    {
        var template = new TranscodeTemplate
        {
            Container = container,
            VideoTemplate = new VideoTemplateInfo { Codec = codec, Mode = mode, Bitrate = bitrate, Fps = 25 },
            AudioTemplate = new AudioTemplateInfo { Codec = container == "webm" ? "opus" : "mp2" },
        };
        TranscodeTemplateRules.Validate(template);
        Assert.Contains(expected, Args(template, "out." + container), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mp4", " -tag:v hvc1 ")]
    [InlineData("mov", " -tag:v hvc1 ")]
    [InlineData("mkv", null)]
    [InlineData("ts", null)]
    public void Plan_H265Tag_OnlyInIsoContainers(string container, string? tag)
    {
        var args = Args(Preset100010 with { Container = container, VideoTemplate = Preset100010.VideoTemplate! with { Codec = "h265" } }, "out." + container);
        if (tag is null)
        {
            Assert.DoesNotContain("-tag:v", args, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(tag, args, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("opus", "ogg", " -c:a libopus -b:a 96000 ")]
    [InlineData("vorbis", "ogg", " -c:a libvorbis -b:a 96000 ")]
    [InlineData("ac3", "ts", " -c:a ac3 -b:a 96000 ")]
    [InlineData("eac3", "ts", " -c:a eac3 -b:a 96000 ")]
    [InlineData("mp2", "ts", " -c:a mp2 -b:a 96000 ")]
    [InlineData("pcm16", "wav", " -c:a pcm_s16le -sn ")]
    [InlineData("pcm24", "wav", " -c:a pcm_s24le -sn ")]
    public void Plan_AudioCodec_Encoder(string codec, string container, string expected)
    {
        var lossless = codec.StartsWith("pcm", StringComparison.Ordinal);
        var audio = new AudioTemplateInfo { Codec = codec, Bitrate = lossless ? 0 : 96 };
        var template = container == "ts"
            ? Preset100010 with { Container = container, AudioTemplate = audio }
            : new TranscodeTemplate { Container = container, RemoveVideo = 1, AudioTemplate = audio };
        TranscodeTemplateRules.Validate(template);
        Assert.Contains(expected, Args(template, "out." + container), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FillType_WhitePadsGaussBlursBackdrop()
    {
        // Source 1280×720 into a 480×480 frame: fitted 480×270, centred at y = 104.
        var video = new VideoTemplateInfo { Codec = "h264", Width = 480, Height = 480, ResolutionAdaptive = "close", Fps = 25 };
        var white = Args(WithVideo(video with { FillType = "white" }));
        Assert.Contains("[0:v:0]fps=fps=25/1,scale=w=480:h=270,pad=w=480:h=480:x=0:y=104:color=white,setsar=sar=1,format=pix_fmts=yuv420p[vout]", white, StringComparison.Ordinal);

        var gauss = Args(WithVideo(video with { FillType = "gauss" }));
        Assert.Contains(
            "[0:v:0]fps=fps=25/1,split=outputs=2[mfbg][mffg];[mfbg]scale=w=480:h=480,gblur=sigma=20[mfbgblur];[mffg]scale=w=480:h=270[mffgfit];"
            + "[mfbgblur][mffgfit]overlay=x=0:y=104,setsar=sar=1,format=pix_fmts=yuv420p[vout]", gauss, StringComparison.Ordinal);

        // Nothing to fill (same aspect): one plain chain.
        var fits = Args(WithVideo(video with { Width = 640, Height = 360, FillType = "gauss" }));
        Assert.DoesNotContain("split", fits, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("h265", 10L, null, " -pix_fmt yuv420p10le ")]
    [InlineData("h265", null, "main10", " -profile:v main10 ")]
    [InlineData("vp9", 10L, null, " -pix_fmt yuv420p10le ")]
    [InlineData("av1", 10L, null, " -pix_fmt yuv420p10le ")]
    public void Plan_BitDepth10_TenBitPixelFormat(string codec, long? bitDepth, string? profile, string expected)
    {
        var template = new TranscodeTemplate
        {
            Container = "mkv",
            VideoTemplate = new VideoTemplateInfo { Codec = codec, BitDepth = bitDepth, VideoProfile = profile },
            AudioTemplate = new AudioTemplateInfo { Codec = "opus" },
        };
        TranscodeTemplateRules.Validate(template);
        var args = Args(template, "out.mkv");
        Assert.Contains(expected, args, StringComparison.Ordinal);
        Assert.Contains("format=pix_fmts=yuv420p10le[vout]", args, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Mxf_Audio48kAndMpeg2FrameRateFromSource()
    {
        var template = new TranscodeTemplate
        {
            Container = "mxf",
            VideoTemplate = new VideoTemplateInfo { Codec = "mpeg2" },
            AudioTemplate = new AudioTemplateInfo { Codec = "pcm16" },
        };
        TranscodeTemplateRules.Validate(template);
        var args = Args(template, "out.mxf");
        Assert.Contains(" -c:a pcm_s16le -ar 48000 ", args, StringComparison.Ordinal);
        // The source's rate is standard (see Source): no conversion.
        Assert.DoesNotContain("fps=", args, StringComparison.Ordinal);
        Assert.Equal((30000L, 1001L), TranscodePlanner.NearestMpeg2Rate(29.97));
        Assert.Equal((24000L, 1001L), TranscodePlanner.NearestMpeg2Rate(15));
        Assert.Equal((25L, 1L), TranscodePlanner.NearestMpeg2Rate(0));
        Assert.Equal((24000L, 1001L), TranscodePlanner.NearestMpeg2Rate(23.9));
    }

    [Fact]
    public void Plan_Audio_RenderedArguments()
    {
        Assert.Contains(" -c:a aac -b:a 64000 -ar 44100 -ac 2 ", Args(Preset100010), StringComparison.Ordinal);

        // 0 = as the source: no option at all (the encoder's default bitrate; the source's rate and channels).
        var fromSource = Args(Preset100010 with { AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 0, SampleRate = 0, AudioChannel = 0 } });
        Assert.Contains(" -c:a aac -sn ", fromSource, StringComparison.Ordinal);

        // mp3 cannot carry 96 kHz or 5.1: capped to 48 kHz stereo when the template says "as source".
        var mp3 = Args(new TranscodeTemplate { Container = "mp3", RemoveVideo = 1, AudioTemplate = new AudioTemplateInfo { Codec = "mp3" } }, "out.mp3");
        Assert.Contains(" -c:a libmp3lame -ar 48000 -ac 2 ", mp3, StringComparison.Ordinal);

        var flac = Args(new TranscodeTemplate { Container = "flac", RemoveVideo = 1, AudioTemplate = new AudioTemplateInfo { Codec = "flac", SampleRate = 48000 } }, "out.flac");
        Assert.Contains(" -c:a flac -ar 48000 -sn ", flac, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ClipOffsets_InputSeekAndDuration()
    {
        var plan = TranscodePlanner.Plan(
            new TranscodeRequest { SourcePath = "/w/src.mp4", Source = Source, Template = Preset100010, WorkDirectory = "/w", OutputFileName = "o.mp4", StartTimeOffset = 2.5, EndTimeOffset = -3 },
            new MediaOptions());
        Assert.Contains(" -ss 2.5 -t 4.5 -i /w/src.mp4 ", " " + string.Join(' ', FfmpegArgumentRenderer.Render(plan.Job)) + " ", StringComparison.Ordinal);
    }
}
