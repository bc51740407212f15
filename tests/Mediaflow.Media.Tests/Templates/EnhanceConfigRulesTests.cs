using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Tests.Templates;

public class EnhanceConfigRulesTests
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null };

    private static TranscodeTemplate Mp4(string enhanceJson, VideoTemplateInfo? video = null) => new()
    {
        Container = "mp4",
        VideoTemplate = video ?? new VideoTemplateInfo { Codec = "h264", Fps = 25, Bitrate = 1000 },
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 128, SampleRate = 44100, AudioChannel = 2 },
        EnhanceConfig = JsonSerializer.Deserialize<EnhanceConfig>(enhanceJson, Wire),
    };

    private static string Refused(TranscodeTemplate template) =>
        Assert.Throws<ApiException>(() => TranscodeTemplateRules.Validate(template)).Code;

    [Theory]
    [InlineData("""{"VideoEnhance":{"FrameRate":{"Switch":"ON","Fps":50}}}""")]
    [InlineData("""{"VideoEnhance":{"FrameRateWithDen":{"Switch":"ON","FpsNum":60000,"FpsDen":1001}}}""")]
    [InlineData("""{"VideoEnhance":{"SuperResolution":{"Switch":"ON","Type":"hq","Size":2}}}""")]
    [InlineData("""{"VideoEnhance":{"SuperResolution":{}}}""")]
    [InlineData("""{"VideoEnhance":{"Hdr":{"Switch":"ON","Type":"MfSDR"}}}""")]
    [InlineData("""{"VideoEnhance":{"Denoise":{"Switch":"ON","Type":"strong"}}}""")]
    [InlineData("""{"VideoEnhance":{"ImageQualityEnhance":{"Type":"normal"},"ColorEnhance":{"Type":"strong"}}}""")]
    [InlineData("""{"VideoEnhance":{"LowLightEnhance":{"Switch":"ON","Type":"normal"},"ArtifactRepair":{"Type":"weak"}}}""")]
    [InlineData("""{"VideoEnhance":{"SharpEnhance":{"Switch":"ON","Intensity":0.7}}}""")]
    [InlineData("""{"VideoEnhance":{"FaceEnhance":{"Switch":"OFF","Intensity":0.5},"ScratchRepair":{"Switch":"ON","Intensity":0}}}""")]
    [InlineData("""{"VideoEnhance":{"DiffusionEnhance":{"Type":"strong"},"AiRestoration":{"Switch":"OFF"},"EnhanceSceneType":""}}""")]
    [InlineData("""{"AudioEnhance":{"Denoise":{"Switch":"ON"},"VolumeBalance":{"Type":"gainControl"},"Beautify":{"Types":["declick","deesser"]}}}""")]
    [InlineData("""{"AudioEnhance":{"Separate":{"Switch":"OFF","Type":"music"}}}""")]
    public void Validate_ImplementedOrOffMembers_Accepted(string json) => TranscodeTemplateRules.Validate(Mp4(json));

    [Theory]
    [InlineData("""{"VideoEnhance":{"FrameRate":{"Switch":"ON","Fps":101}}}""", "FrameRate")]
    [InlineData("""{"VideoEnhance":{"FrameRate":{"Switch":"on","Fps":50}}}""", "FrameRate")]
    [InlineData("""{"VideoEnhance":{"FrameRateWithDen":{"FpsNum":240,"FpsDen":2}}}""", "FrameRateWithDen")]
    [InlineData("""{"VideoEnhance":{"FrameRate":{"Fps":50},"FrameRateWithDen":{"FpsNum":60}}}""", "FrameRateWithDen")]
    [InlineData("""{"VideoEnhance":{"SuperResolution":{"Size":4}}}""", "SuperResolution")]
    [InlineData("""{"VideoEnhance":{"SuperResolution":{"Type":"ultra"}}}""", "SuperResolution")]
    [InlineData("""{"VideoEnhance":{"Hdr":{"Type":"DolbyVision"}}}""", "Hdr")]
    [InlineData("""{"VideoEnhance":{"Hdr":{"Type":"HDR10"}}}""", "Hdr")]
    [InlineData("""{"VideoEnhance":{"Denoise":{"Type":"normal"}}}""", "Denoise")]
    [InlineData("""{"VideoEnhance":{"ColorEnhance":{"Type":"max"}}}""", "ColorEnhance")]
    [InlineData("""{"VideoEnhance":{"LowLightEnhance":{"Type":"strong"}}}""", "LowLightEnhance")]
    [InlineData("""{"VideoEnhance":{"SharpEnhance":{"Intensity":1.5}}}""", "SharpEnhance")]
    [InlineData("""{"VideoEnhance":{"FaceEnhance":{"Switch":"ON","Intensity":0.5}}}""", "FaceEnhance")]
    [InlineData("""{"VideoEnhance":{"ScratchRepair":{"Intensity":0.5}}}""", "ScratchRepair")]
    [InlineData("""{"VideoEnhance":{"EnhanceSceneType":"short_play"}}""", "EnhanceSceneType")]
    [InlineData("""{"VideoEnhance":{"DiffusionEnhance":{"Switch":"ON"}}}""", "DiffusionEnhance")]
    [InlineData("""{"VideoEnhance":{"AiRestoration":{"Switch":"ON","Type":"weak"}}}""", "AiRestoration")]
    [InlineData("""{"AudioEnhance":{"Separate":{"Type":"normal","Track":"vocal"}}}""", "Separate")]
    [InlineData("""{"AudioEnhance":{"Denoise":{"Type":"strong"}}}""", "Denoise")]
    [InlineData("""{"AudioEnhance":{"VolumeBalance":{"Type":"loud"}}}""", "VolumeBalance")]
    [InlineData("""{"AudioEnhance":{"Beautify":{"Types":["declick","autotune"]}}}""", "Beautify")]
    public void Validate_UnimplementedOrInvalidMember_RefusedNamingIt(string json, string field) =>
        Assert.Equal($"InvalidParameterValue.{field}", Refused(Mp4(json)));

    [Fact]
    public void Validate_HdrOutput_NeedsTenBitH265()
    {
        var json = """{"VideoEnhance":{"Hdr":{"Switch":"ON","Type":"HLG"}}}""";
        TranscodeTemplateRules.Validate(Mp4(json, new VideoTemplateInfo { Codec = "h265", BitDepth = 10 }));
        Assert.Equal("InvalidParameterValue.Hdr", Refused(Mp4(json, new VideoTemplateInfo { Codec = "h265" })));
    }

    [Fact]
    public void Validate_EnhanceOnAMissingStream_RefusedNamingTheSide()
    {
        var audioOnly = PresetTranscodeTemplates.Find(1010)! with
        {
            EnhanceConfig = new EnhanceConfig { VideoEnhance = new VideoEnhanceConfig { Denoise = new EnhanceSwitch() } },
        };
        Assert.Equal("InvalidParameterValue.VideoEnhance", Refused(audioOnly));
        var silent = Mp4("""{"AudioEnhance":{"Denoise":{}}}""") with { RemoveAudio = 1, AudioTemplate = null };
        Assert.Equal("InvalidParameterValue.AudioEnhance", Refused(silent));
        // Asking for nothing is fine whatever the streams.
        TranscodeTemplateRules.Validate(PresetTranscodeTemplates.Find(1010)! with
        {
            EnhanceConfig = new EnhanceConfig { VideoEnhance = new VideoEnhanceConfig { Denoise = new EnhanceSwitch { Switch = "OFF" } } },
        });
    }

    [Fact]
    public void Validate_Tehd100_AcceptedForH264AndH265()
    {
        TranscodeTemplateRules.Validate(Mp4("{}") with { TEHDConfig = new TehdConfig { Type = "TEHD-100", MaxVideoBitrate = 800 } });
        TranscodeTemplateRules.Validate(Mp4("{}", new VideoTemplateInfo { Codec = "h265" }) with { TEHDConfig = new TehdConfig { Type = "TEHD-100" } });
        TranscodeTemplateRules.Validate(Mp4("{}") with { TEHDConfig = new TehdConfig { Type = "" } });
    }

    [Theory]
    [InlineData("TEHD-200", 0L, "h264", null, "TEHDType")]
    [InlineData("TEHD-300", 0L, "h264", null, "TEHDType")]
    [InlineData("TEHD-100", 0L, "av1", null, "TEHDType")]
    [InlineData("TEHD-100", 0L, "h264", "CBR", "TEHDType")]
    [InlineData("TEHD-100", 50L, "h264", null, "MaxVideoBitrate")]
    [InlineData("", 800L, "h264", null, "MaxVideoBitrate")]
    public void Validate_TehdUnimplementedOrInvalid_Refused(string type, long cap, string codec, string? mode, string field)
    {
        var template = Mp4("{}", new VideoTemplateInfo { Codec = codec, Mode = mode, Bitrate = mode is null ? 0 : 1000 }) with
        {
            Container = codec == "av1" ? "mkv" : "mp4",
            TEHDConfig = new TehdConfig { Type = type, MaxVideoBitrate = cap },
        };
        Assert.Equal($"InvalidParameterValue.{field}", Refused(template));
    }

    [Fact]
    public void Merge_TehdForUpdate_KeepsAbsentMembers()
    {
        var template = Mp4("{}") with { TEHDConfig = new TehdConfig { Type = "TEHD-100", MaxVideoBitrate = 800 } };
        var merged = TranscodeTemplateMerge.Apply(template, new TranscodeTemplatePatch { TEHDConfig = new TehdConfig { MaxVideoBitrate = 1200 } });
        Assert.Equal(new TehdConfig { Type = "TEHD-100", MaxVideoBitrate = 1200 }, merged.TEHDConfig);
    }
}
