using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Tests.Templates;

public class TranscodeTemplateMergeTests
{
    [Fact]
    public void Apply_OverrideMembers_ReplaceOnlyWhatIsGiven()
    {
        var preset = PresetTranscodeTemplates.Find(100010)!;
        var effective = TranscodeTemplateMerge.Apply(preset, new TranscodeTemplatePatch
        {
            VideoTemplate = new VideoTemplateInfo { Bitrate = 300, Bframes = 2 },
            AudioTemplate = new AudioTemplateInfo { SampleRate = 48000 },
        });

        Assert.Equal("mp4", effective.Container);
        Assert.Equal("h264", effective.VideoTemplate!.Codec);
        Assert.Equal(360, effective.VideoTemplate.Height);
        Assert.Equal(300, effective.VideoTemplate.Bitrate);
        Assert.Equal(2, effective.VideoTemplate.Bframes);
        Assert.Equal("aac", effective.AudioTemplate!.Codec);
        Assert.Equal(48000, effective.AudioTemplate.SampleRate);
        Assert.Equal(64, effective.AudioTemplate.Bitrate);
        TranscodeTemplateRules.Validate(effective);
    }

    [Fact]
    public void Apply_MinusOneBframes_ResetsToAuto()
    {
        var template = new TranscodeTemplate { Container = "mp4", VideoTemplate = new VideoTemplateInfo { Codec = "h264", Bframes = 3 } };
        var effective = TranscodeTemplateMerge.Apply(template, new TranscodeTemplatePatch { VideoTemplate = new VideoTemplateInfo { Bframes = -1 } });
        Assert.Null(effective.VideoTemplate!.Bframes);
    }

    [Fact]
    public void Apply_NullPatch_ReturnsTemplate()
    {
        var preset = PresetTranscodeTemplates.Find(1010)!;
        Assert.Same(preset, TranscodeTemplateMerge.Apply(preset, null));
    }

    [Fact]
    public void Apply_ContainerChange_IsValidatedAfterwards()
    {
        var preset = PresetTranscodeTemplates.Find(100010)!;
        var effective = TranscodeTemplateMerge.Apply(preset, new TranscodeTemplatePatch { Container = "hls", Name = "mine" });
        Assert.Equal("hls", effective.Container);
        Assert.Equal("mine", effective.Name);
        TranscodeTemplateRules.Validate(effective);
    }
}
