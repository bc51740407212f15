using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Tests.Templates;

/// <summary>The rules of the audio track fields and the frame fields this build maps (docs/coverage/transcode.md).</summary>
public class TranscodeTrackFieldRulesTests
{
    private static TranscodeTemplate With(string container, AudioTemplateInfo audio, string videoCodec = "h264") => new()
    {
        Container = container,
        RemoveVideo = TranscodeContainers.IsAudioOnly(container) ? 1 : 0,
        VideoTemplate = TranscodeContainers.IsAudioOnly(container) ? null : new VideoTemplateInfo { Codec = videoCodec },
        AudioTemplate = audio,
    };

    private static string? Code(TranscodeTemplate template)
    {
        try
        {
            TranscodeTemplateRules.Validate(template);
            return null;
        }
        catch (ApiException e)
        {
            return e.Code;
        }
    }

    [Theory]
    [InlineData("eng", null)]
    [InlineData("fre", null)]
    [InlineData("fra", null)]
    [InlineData("zho", null)]
    [InlineData("qab", null)]
    [InlineData("source", null)]
    [InlineData("", null)]
    [InlineData("english", "InvalidParameterValue.AudioLanguage")]
    [InlineData("en", "InvalidParameterValue.AudioLanguage")]
    [InlineData("ENG", "InvalidParameterValue.AudioLanguage")]
    [InlineData("xyz", "InvalidParameterValue.AudioLanguage")]
    [InlineData("e=g", "InvalidParameterValue.AudioLanguage")]
    public void Validate_AudioLanguage_Iso639TwoOrSource(string language, string? code) =>
        Assert.Equal(code, Code(With("mkv", new AudioTemplateInfo { Codec = "aac", AudioLanguage = language })));

    [Theory]
    [InlineData("mp4", "eng", null, null, null)]
    [InlineData("mov", "eng", "Director", null, null)]
    [InlineData("m4a", "eng", "Director", null, null)]
    [InlineData("mkv", "eng", "Director", false, null)]
    [InlineData("webm", "eng", "Director", false, null)]
    [InlineData("ogg", "eng", "Director", null, null)]
    [InlineData("ts", "eng", null, null, null)]
    [InlineData("hls", "eng", null, null, null)]
    [InlineData("ts", null, "Director", null, "InvalidParameterValue.AudioName")]
    [InlineData("hls", null, "Director", null, "InvalidParameterValue.AudioName")]
    [InlineData("flv", "eng", null, null, "InvalidParameterValue.AudioLanguage")]
    [InlineData("mp3", "eng", null, null, "InvalidParameterValue.AudioLanguage")]
    [InlineData("flac", null, "Director", null, "InvalidParameterValue.AudioName")]
    [InlineData("wav", "eng", null, null, "InvalidParameterValue.AudioLanguage")]
    [InlineData("mp4", null, null, false, "InvalidParameterValue.DefaultTrack")]
    [InlineData("ts", null, null, false, "InvalidParameterValue.DefaultTrack")]
    [InlineData("mp4", null, "bad\nname", null, "InvalidParameterValue.AudioName")]
    public void Validate_TrackLabels_OnlyWhereTheMuxerKeepsThem(string container, string? language, string? name, bool? isDefault, string? code)
    {
        var codec = container switch
        {
            "webm" or "ogg" => "opus",
            "mp3" => "mp3",
            "flac" => "flac",
            "wav" => "pcm16",
            _ => "aac",
        };
        var template = With(container, new AudioTemplateInfo { Codec = codec, AudioLanguage = language, AudioName = name, DefaultTrack = isDefault }, container == "webm" ? "vp9" : "h264");
        Assert.Equal(code, Code(template));
    }

    [Fact]
    public void Validate_AudioName_AtMost64Characters()
    {
        Assert.Null(Code(With("mkv", new AudioTemplateInfo { Codec = "aac", AudioName = new string('n', 64) })));
        Assert.Equal("InvalidParameterValue.AudioName", Code(With("mkv", new AudioTemplateInfo { Codec = "aac", AudioName = new string('n', 65) })));
    }

    [Fact]
    public void Validate_StreamSelects_DistinctIndexesAndRoomForSeveralTracks()
    {
        Assert.Null(Code(With("mkv", new AudioTemplateInfo { Codec = "aac", StreamSelects = [2, 0] })));
        Assert.Null(Code(With("ts", new AudioTemplateInfo { Codec = "aac", StreamSelects = [1, 0] })));
        Assert.Null(Code(With("m4a", new AudioTemplateInfo { Codec = "aac", StreamSelects = [3] })));
        Assert.Equal("InvalidParameterValue.StreamSelects", Code(With("m4a", new AudioTemplateInfo { Codec = "aac", StreamSelects = [0, 1] })));
        Assert.Equal("InvalidParameterValue.StreamSelects", Code(With("hls", new AudioTemplateInfo { Codec = "aac", StreamSelects = [0, 1] })));
        Assert.Equal("InvalidParameterValue.StreamSelects", Code(With("mkv", new AudioTemplateInfo { Codec = "aac", StreamSelects = [1, 1] })));
        Assert.Equal("InvalidParameterValue.StreamSelects", Code(With("mkv", new AudioTemplateInfo { Codec = "aac", StreamSelects = [-1] })));
        Assert.Equal("InvalidParameterValue.StreamSelects", Code(With("mkv", new AudioTemplateInfo { Codec = "aac", StreamSelects = [.. Enumerable.Range(0, 11).Select(i => (long)i)] })));
    }

    [Fact]
    public void Validate_StreamSelectsWithAudioEnhance_OnlyTheFirstStream()
    {
        var enhance = new EnhanceConfig { AudioEnhance = new AudioEnhanceConfig { Denoise = new EnhanceSwitch { Switch = "ON" } } };
        Assert.Null(Code(With("mkv", new AudioTemplateInfo { Codec = "aac", StreamSelects = [0] }) with { EnhanceConfig = enhance }));
        Assert.Equal("InvalidParameterValue.StreamSelects", Code(With("mkv", new AudioTemplateInfo { Codec = "aac", StreamSelects = [1] }) with { EnhanceConfig = enhance }));
    }

    [Theory]
    [InlineData("HLS", "ts-segment")]
    [InlineData("MPEG-DASH", "mp4-segment")]
    public void ValidateAdaptive_SubStreamWithStreamSelects_RefusedNamingStreamSelects(string format, string segmentType)
    {
        var audio = new AudioTemplateInfo { Codec = "aac", Bitrate = 64, SampleRate = 44100 };
        AdaptiveDynamicStreamingTemplate Adaptive(AudioTemplateInfo a) => new()
        {
            Format = format,
            SegmentType = segmentType,
            StreamInfos = [new AdaptiveStreamTemplate { Audio = a, RemoveVideo = 1 }],
        };
        StoredOnlyTemplateRules.ValidateAdaptive(Adaptive(audio));
        var refused = Assert.Throws<ApiException>(() => StoredOnlyTemplateRules.ValidateAdaptive(Adaptive(audio with { StreamSelects = [1] })));
        Assert.Equal("InvalidParameterValue.StreamSelects", refused.Code);
    }

    [Theory]
    [InlineData("mp4", "aac", null)]
    [InlineData("mp4", "ac3", null)]
    [InlineData("mp4", "eac3", null)]
    [InlineData("mp4", "opus", null)]
    [InlineData("mkv", "flac", null)]
    [InlineData("mkv", "vorbis", null)]
    [InlineData("wav", "pcm16", null)]
    [InlineData("mov", "pcm24", null)]
    [InlineData("mp4", "mp3", "InvalidParameterValue.AudioChannel")]
    [InlineData("ts", "mp2", "InvalidParameterValue.AudioChannel")]
    [InlineData("flv", "aac", "InvalidParameterValue.AudioChannel")]
    public void Validate_AudioChannel6_CodecsAndContainersThatCarryFiveOne(string container, string codec, string? code)
    {
        var rate = codec is "opus" or "mp2" ? 48000 : 0;
        Assert.Equal(code, Code(With(container, new AudioTemplateInfo { Codec = codec, AudioChannel = 6, SampleRate = rate })));
    }

    [Theory]
    [InlineData("h264", 1L, null)]
    [InlineData("h265", 1L, null)]
    [InlineData("av1", 1L, null)]
    [InlineData("h264", 0L, null)]
    [InlineData("vp9", 1L, "InvalidParameterValue.NoScenecut")]
    [InlineData("mpeg2", 1L, "InvalidParameterValue.NoScenecut")]
    [InlineData("h264", 2L, "InvalidParameterValue.NoScenecut")]
    public void Validate_NoScenecut_PerEncoder(string codec, long value, string? code) =>
        Assert.Equal(code, Code(new TranscodeTemplate { Container = "mkv", VideoTemplate = new VideoTemplateInfo { Codec = codec, NoScenecut = value }, AudioTemplate = new AudioTemplateInfo { Codec = "aac" } }));

    [Theory]
    [InlineData("2:1", 2, 1)]
    [InlineData("4:3", 4, 3)]
    [InlineData("64:45", 64, 45)]
    [InlineData("1:2", 1, 2)]
    public void SampleAspectRatio_NonSquare_Parsed(string sar, int num, int den) =>
        Assert.Equal((num, den), TranscodeTemplateRules.SampleAspectRatio(new VideoTemplateInfo { Codec = "h264", Sar = sar }));

    [Theory]
    [InlineData("1:1")]
    [InlineData("3:3")]
    [InlineData("default")]
    [InlineData(null)]
    public void SampleAspectRatio_Square_Null(string? sar) =>
        Assert.Null(TranscodeTemplateRules.SampleAspectRatio(new VideoTemplateInfo { Codec = "h264", Sar = sar }));

    [Theory]
    [InlineData("2")]
    [InlineData("0:1")]
    [InlineData("5:1")]
    [InlineData("1:256")]
    [InlineData("-2:1")]
    [InlineData("2:1:1")]
    [InlineData(" 2:1")]
    public void Validate_SarNotARatio_RefusedNamingSar(string sar) =>
        Assert.Equal("InvalidParameterValue.Sar", Code(new TranscodeTemplate { Container = "mp4", VideoTemplate = new VideoTemplateInfo { Codec = "h264", Sar = sar }, AudioTemplate = new AudioTemplateInfo { Codec = "aac" } }));
}
