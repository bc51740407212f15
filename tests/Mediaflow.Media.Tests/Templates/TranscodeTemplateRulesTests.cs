using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Tests.Templates;

public class TranscodeTemplateRulesTests
{
    private static TranscodeTemplate Mp4(VideoTemplateInfo? video = null, AudioTemplateInfo? audio = null) => new()
    {
        Container = "mp4",
        VideoTemplate = video ?? new VideoTemplateInfo { Codec = "h264", Fps = 25, Bitrate = 1000 },
        AudioTemplate = audio ?? new AudioTemplateInfo { Codec = "aac", Bitrate = 128, SampleRate = 44100, AudioChannel = 2 },
    };

    private static string Refused(TranscodeTemplate template) =>
        Assert.Throws<ApiException>(() => TranscodeTemplateRules.Validate(template)).Code;

    [Fact]
    public void Validate_EveryPreset_IsAccepted()
    {
        foreach (var preset in PresetTranscodeTemplates.All)
        {
            TranscodeTemplateRules.Validate(preset);
        }
    }

    [Theory]
    [InlineData("mp4", "h264", "aac")]
    [InlineData("mp4", "av1", "opus")]
    [InlineData("mp4", "h265", "eac3")]
    [InlineData("hls", "h264", "aac")]
    [InlineData("flv", "h264", "aac")]
    [InlineData("ts", "mpeg2", "mp2")]
    [InlineData("ts", "h265", "ac3")]
    [InlineData("webm", "vp8", "vorbis")]
    [InlineData("webm", "vp9", "opus")]
    [InlineData("webm", "av1", "opus")]
    [InlineData("mkv", "vp9", "flac")]
    [InlineData("mkv", "h264", "pcm24")]
    [InlineData("mov", "h265", "pcm16")]
    [InlineData("mxf", "mpeg2", "pcm16")]
    public void Validate_CodecContainerMatrix_Accepted(string container, string video, string audio) =>
        TranscodeTemplateRules.Validate(new TranscodeTemplate
        {
            Container = container,
            VideoTemplate = new VideoTemplateInfo { Codec = video, Fps = 25, Bitrate = 1000 },
            AudioTemplate = new AudioTemplateInfo { Codec = audio, SampleRate = 48000 },
        });

    [Theory]
    [InlineData("mp4", "vp9", "aac", "VideoCodec")]
    [InlineData("mp4", "vp8", "aac", "VideoCodec")]
    [InlineData("mp4", "mpeg2", "aac", "VideoCodec")]
    [InlineData("flv", "h265", "aac", "VideoCodec")]
    [InlineData("flv", "h264", "mp3", "AudioCodec")]
    [InlineData("hls", "av1", "aac", "VideoCodec")]
    [InlineData("ts", "vp9", "aac", "VideoCodec")]
    [InlineData("webm", "h264", "opus", "VideoCodec")]
    [InlineData("webm", "vp9", "aac", "AudioCodec")]
    [InlineData("mov", "vp9", "aac", "VideoCodec")]
    [InlineData("mov", "h264", "opus", "AudioCodec")]
    [InlineData("mxf", "h264", "pcm16", "VideoCodec")]
    [InlineData("mxf", "mpeg2", "aac", "AudioCodec")]
    [InlineData("mp4", "h264", "pcm16", "AudioCodec")]
    [InlineData("mp4", "h264", "vorbis", "AudioCodec")]
    public void Validate_CodecContainerMatrix_ImpossibleRefusedNamingTheField(string container, string video, string audio, string field) =>
        Assert.Equal($"InvalidParameterValue.{field}", Refused(new TranscodeTemplate
        {
            Container = container,
            VideoTemplate = new VideoTemplateInfo { Codec = video, Fps = 25, Bitrate = 1000 },
            AudioTemplate = new AudioTemplateInfo { Codec = audio, SampleRate = 48000 },
        }));

    [Theory]
    [InlineData("vp9", "VideoProfile", "main")]
    [InlineData("av1", "VideoLevel", "5.1")]
    [InlineData("vp8", "Bframes", "2")]
    [InlineData("av1", "Mode", "CBR")]
    [InlineData("mpeg2", "Mode", "VCRF")]
    [InlineData("mpeg2", "Vcrf", "23")]
    [InlineData("mpeg2", "Fps", "15")]
    public void Validate_CodecSpecificImpossible_RefusedNamingTheField(string codec, string field, string value)
    {
        var video = new VideoTemplateInfo { Codec = codec, Fps = 25, Bitrate = 1000 };
        video = field switch
        {
            "VideoProfile" => video with { VideoProfile = value },
            "VideoLevel" => video with { VideoLevel = value },
            "Bframes" => video with { Bframes = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "Mode" => video with { Mode = value },
            "Vcrf" => video with { Vcrf = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => video with { Fps = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        };
        var container = codec == "mpeg2" ? "mkv" : "webm";
        Assert.Equal($"InvalidParameterValue.{field}", Refused(new TranscodeTemplate
        {
            Container = container, VideoTemplate = video, AudioTemplate = new AudioTemplateInfo { Codec = "opus" },
        }));
    }

    [Theory]
    [InlineData("h265", 10L, null, null)]
    [InlineData("h265", null, "main10", null)]
    [InlineData("h265", 10L, "main10", null)]
    [InlineData("vp9", 10L, null, null)]
    [InlineData("av1", 10L, null, null)]
    [InlineData("h265", 8L, null, null)]
    [InlineData("h264", 10L, null, "BitDepth")]
    [InlineData("vp8", 10L, null, "BitDepth")]
    [InlineData("mpeg2", 10L, null, "BitDepth")]
    [InlineData("h265", 12L, null, "BitDepth")]
    [InlineData("h265", 10L, "main", "BitDepth")]
    [InlineData("h265", 8L, "main10", "VideoProfile")]
    [InlineData("h264", null, "main10", "VideoProfile")]
    public void Validate_BitDepthAndMain10(string codec, long? bitDepth, string? profile, string? refusedField)
    {
        var template = new TranscodeTemplate
        {
            Container = "mkv",
            VideoTemplate = new VideoTemplateInfo { Codec = codec, Fps = 25, BitDepth = bitDepth, VideoProfile = profile },
            AudioTemplate = new AudioTemplateInfo { Codec = "opus" },
        };
        if (refusedField is null)
        {
            TranscodeTemplateRules.Validate(template);
        }
        else
        {
            Assert.Equal($"InvalidParameterValue.{refusedField}", Refused(template));
        }
    }

    [Fact]
    public void Validate_Mpeg2NtscFrameRate_Accepted() =>
        TranscodeTemplateRules.Validate(new TranscodeTemplate
        {
            Container = "ts",
            VideoTemplate = new VideoTemplateInfo { Codec = "mpeg2", Fps = 30000, FpsDenominator = 1001 },
            AudioTemplate = new AudioTemplateInfo { Codec = "mp2" },
        });

    [Theory]
    [InlineData("wav", "pcm16", 0, 44100, null)]
    [InlineData("wav", "pcm24", 128, 0, "AudioBitrate")]
    [InlineData("ogg", "opus", 96, 48000, null)]
    [InlineData("ogg", "opus", 96, 44100, "SampleRate")]
    [InlineData("ogg", "vorbis", 160, 44100, null)]
    [InlineData("ogg", "flac", 0, 96000, null)]
    [InlineData("ogg", "aac", 128, 44100, "AudioCodec")]
    [InlineData("wav", "mp3", 128, 44100, "AudioCodec")]
    public void Validate_AudioOnlyContainers_CodecBitrateSampleRate(string container, string codec, long bitrate, long sampleRate, string? refusedField)
    {
        var template = new TranscodeTemplate { Container = container, AudioTemplate = new AudioTemplateInfo { Codec = codec, Bitrate = bitrate, SampleRate = sampleRate } };
        if (refusedField is null)
        {
            TranscodeTemplateRules.Validate(template);
        }
        else
        {
            Assert.Equal($"InvalidParameterValue.{refusedField}", Refused(template));
        }
    }

    [Fact]
    public void Validate_MxfAudioNot48k_RefusedNamingSampleRate() =>
        Assert.Equal("InvalidParameterValue.SampleRate", Refused(new TranscodeTemplate
        {
            Container = "mxf",
            VideoTemplate = new VideoTemplateInfo { Codec = "mpeg2", Fps = 25 },
            AudioTemplate = new AudioTemplateInfo { Codec = "pcm16", SampleRate = 44100 },
        }));

    [Theory]
    [InlineData("mp4")]
    [InlineData("hls")]
    public void Validate_VideoContainers_Accepted(string container) => TranscodeTemplateRules.Validate(Mp4() with { Container = container });

    [Theory]
    [InlineData("mp3", "mp3")]
    [InlineData("m4a", "aac")]
    [InlineData("flac", "flac")]
    public void Validate_AudioContainers_Accepted(string container, string codec) =>
        TranscodeTemplateRules.Validate(new TranscodeTemplate { Container = container, RemoveVideo = 1, AudioTemplate = new AudioTemplateInfo { Codec = codec, Bitrate = codec == "flac" ? 0 : 128, SampleRate = 44100 } });

    [Fact]
    public void Validate_FlacWithBitrate_RefusedNamingAudioBitrate() =>
        Assert.Equal("InvalidParameterValue.AudioBitrate", Refused(new TranscodeTemplate { Container = "flac", AudioTemplate = new AudioTemplateInfo { Codec = "flac", Bitrate = 128 } }));

    [Theory]
    [InlineData("avi")]
    [InlineData("MP4")]
    [InlineData("")]
    public void Validate_ContainerUnknown_RefusedNamingContainer(string container) =>
        Assert.Equal("InvalidParameterValue.Container", Refused(Mp4() with { Container = container }));

    [Theory]
    [InlineData("h266")]
    [InlineData("dnxhd")]
    [InlineData("mv-hevc")]
    [InlineData("nonsense")]
    public void Validate_VideoCodecNotImplemented_RefusedNamingVideoCodec(string codec) =>
        Assert.Equal("InvalidParameterValue.VideoCodec", Refused(Mp4(new VideoTemplateInfo { Codec = codec, Fps = 0, Bitrate = 0 })));

    [Fact]
    public void Validate_H265InMp3_RefusedNamingVideoCodec() =>
        Assert.Equal("InvalidParameterValue.VideoCodec", Refused(Mp4(new VideoTemplateInfo { Codec = "h265" }) with { Container = "mp3", AudioTemplate = new AudioTemplateInfo { Codec = "mp3" } }));

    [Fact]
    public void Validate_AacInFlac_RefusedNamingAudioCodec() =>
        Assert.Equal("InvalidParameterValue.AudioCodec", Refused(new TranscodeTemplate { Container = "flac", AudioTemplate = new AudioTemplateInfo { Codec = "aac" } }));

    [Theory]
    [InlineData("copy")]
    [InlineData("pcm32")]
    public void Validate_AudioCodecNotImplemented_Refused(string codec) =>
        Assert.Equal("InvalidParameterValue.AudioCodec", Refused(Mp4(audio: new AudioTemplateInfo { Codec = codec })));

    [Theory]
    [InlineData(121, "Fps")]
    [InlineData(-1, "Fps")]
    public void Validate_FpsOutOfRange_Refused(long fps, string field) =>
        Assert.Equal($"InvalidParameterValue.{field}", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", Fps = fps })));

    [Theory]
    [InlineData(100)]
    [InlineData(100001)]
    public void Validate_VideoBitrateOutOfRange_Refused(long kbps) =>
        Assert.Equal("InvalidParameterValue.VideoBitrate", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", Bitrate = kbps })));

    [Theory]
    [InlineData(100, 0, "Width")]
    [InlineData(0, 5000, "Height")]
    [InlineData(360, 640, "Resolution")]
    public void Validate_BadResolution_RefusedNamingField(long width, long height, string field) =>
        Assert.Equal($"InvalidParameterValue.{field}", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", Width = width, Height = height })));

    [Fact]
    public void Validate_PortraitSizeWithResolutionAdaptiveClose_Accepted() =>
        TranscodeTemplateRules.Validate(Mp4(new VideoTemplateInfo { Codec = "h264", Width = 360, Height = 640, ResolutionAdaptive = "close" }));

    [Theory]
    [InlineData("blue")]
    [InlineData("smartTailor")]
    public void Validate_FillTypeNotImplemented_Refused(string fill) =>
        Assert.Equal("InvalidParameterValue.FillType", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", FillType = fill })));

    [Fact]
    public void Validate_FullyUsedVideoTemplate_Accepted() =>
        TranscodeTemplateRules.Validate(Mp4(new VideoTemplateInfo
        {
            Codec = "h264", Fps = 30000, FpsDenominator = 1001, Bitrate = 800, ResolutionAdaptive = "open", Width = 640, Height = 360,
            Gop = 2, GopUnit = "second", FillType = "stretch", Vcrf = 23, Mode = "VCRF", VideoProfile = "main", VideoLevel = "3.1", Bframes = 2,
            HlsTime = 4, SegmentType = 7,
        }) with { Container = "hls" });

    [Theory]
    [InlineData(10L, null, null, "BitDepth")]
    [InlineData(null, "2:3:1", null, "Sar")]
    [InlineData(null, "5:1", null, "Sar")]
    [InlineData(null, null, 2L, "NoScenecut")]
    public void Validate_RefusedVideoFields_NameTheField(long? bitDepth, string? sar, long? noScenecut, string field) =>
        Assert.Equal($"InvalidParameterValue.{field}", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", BitDepth = bitDepth, Sar = sar, NoScenecut = noScenecut })));

    [Theory]
    [InlineData("ABR")]
    [InlineData("CBR")]
    public void Validate_VcrfWithAbrOrCbr_RefusedNamingVcrf(string mode) =>
        Assert.Equal("InvalidParameterValue.Vcrf", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", Mode = mode, Vcrf = 23, Bitrate = 1000 })));

    [Fact]
    public void Validate_HlsTimeOnMp4_Refused() =>
        Assert.Equal("InvalidParameterValue.HlsTime", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", HlsTime = 4 })));

    [Fact]
    public void Validate_ByteRangeSegmentTypeOnMp4_Refused() =>
        Assert.Equal("InvalidParameterValue.SegmentType", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", SegmentType = 2 })));

    [Theory]
    [InlineData(0L, true)]
    [InlineData(7L, true)]
    [InlineData(2L, true)]
    [InlineData(5L, true)]
    [InlineData(1L, false)]
    [InlineData(3L, false)]
    public void Validate_SegmentTypeOnHls_TsFmp4AndByteRange(long segmentType, bool accepted)
    {
        var template = Mp4(new VideoTemplateInfo { Codec = "h264", SegmentType = segmentType, HlsTime = 4 }) with { Container = "hls" };
        if (accepted)
        {
            TranscodeTemplateRules.Validate(template);
        }
        else
        {
            Assert.Equal("InvalidParameterValue.SegmentType", Refused(template));
        }
    }

    [Fact]
    public void Validate_H265Level_Accepted_And_H264ProfileOnH265_Refused()
    {
        TranscodeTemplateRules.Validate(Mp4(new VideoTemplateInfo { Codec = "h265", VideoLevel = "4.1", VideoProfile = "main" }));
        Assert.Equal("InvalidParameterValue.VideoProfile", Refused(Mp4(new VideoTemplateInfo { Codec = "h265", VideoProfile = "high" })));
    }

    [Fact]
    public void Validate_BframesWithBaselineProfile_RefusedNamingBframes()
    {
        Assert.Equal("InvalidParameterValue.Bframes", Refused(Mp4(new VideoTemplateInfo { Codec = "h264", VideoProfile = "baseline", Bframes = 2 })));
        TranscodeTemplateRules.Validate(Mp4(new VideoTemplateInfo { Codec = "h264", VideoProfile = "baseline", Bframes = 0 }));
    }

    [Fact]
    public void Validate_SubtitleAndStdExtInfo_Refused()
    {
        using var subtitle = JsonDocument.Parse("""{"Path":"a.srt"}""");
        Assert.Equal("InvalidParameterValue.Path", Refused(Mp4() with { SubtitleTemplate = subtitle.RootElement.Clone() }));
        Assert.Equal("InvalidParameterValue.StdExtInfo", Refused(Mp4() with { StdExtInfo = "{\"x\":1}" }));
    }

    [Theory]
    [InlineData(3L, "aac")]
    [InlineData(6L, "mp3")]
    [InlineData(8L, "aac")]
    public void Validate_AudioChannel_OnlyMonoAndStereo(long channels, string codec) =>
        Assert.Equal("InvalidParameterValue.AudioChannel", Refused(Mp4(audio: new AudioTemplateInfo { Codec = codec, AudioChannel = channels })));

    [Fact]
    public void Validate_AudioBitrateAndSampleRate_Checked()
    {
        Assert.Equal("InvalidParameterValue.AudioBitrate", Refused(Mp4(audio: new AudioTemplateInfo { Codec = "aac", Bitrate = 300 })));
        Assert.Equal("InvalidParameterValue.SampleRate", Refused(Mp4(audio: new AudioTemplateInfo { Codec = "mp3", SampleRate = 96000 })));
        Assert.Equal("InvalidParameterValue.SampleRate", Refused(Mp4(audio: new AudioTemplateInfo { Codec = "aac", SampleRate = 12345 })));
    }

    [Fact]
    public void Validate_MissingTemplates_Refused()
    {
        Assert.Equal("InvalidParameterValue.VideoTemplate", Refused(Mp4() with { VideoTemplate = null }));
        Assert.Equal("InvalidParameterValue.AudioTemplate", Refused(Mp4() with { AudioTemplate = null }));
        TranscodeTemplateRules.Validate(Mp4() with { AudioTemplate = null, RemoveAudio = 1 });
        TranscodeTemplateRules.Validate(Mp4() with { VideoTemplate = null, RemoveVideo = 1 });
    }

    [Fact]
    public void Validate_RemoveBoth_Refused() =>
        Assert.Equal("InvalidParameterValue.RemoveAudio", Refused(Mp4() with { RemoveAudio = 1, RemoveVideo = 1 }));

    [Fact]
    public void Validate_AudioOnlyContainerWithVideoTemplateWithoutCodec_RefusedNamingVideoTemplate() =>
        Assert.Equal("InvalidParameterValue.VideoTemplate", Refused(new TranscodeTemplate
        {
            Container = "m4a", VideoTemplate = new VideoTemplateInfo(), AudioTemplate = new AudioTemplateInfo { Codec = "aac" },
        }));

    [Fact]
    public void Validate_NameTooLong_Refused() =>
        Assert.Equal("InvalidParameterValue.Name", Refused(Mp4() with { Name = new string('n', 65) }));
}
