using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Tests.Templates;

public class PresetTranscodeTemplatesTests
{
    // reference/mps-api.md §14: definition, container, height, video kbps, audio kbps.
    public static TheoryData<long, string, long, long, long> VideoPresets() => new()
    {
        { 100010, "mp4", 360, 400, 64 },
        { 100020, "mp4", 540, 1000, 64 },
        { 100030, "mp4", 720, 1800, 128 },
        { 100040, "mp4", 1080, 2500, 128 },
        { 100070, "mp4", 1440, 3000, 160 },
        { 100080, "mp4", 2160, 6000, 160 },
        { 100210, "hls", 360, 400, 64 },
        { 100220, "hls", 540, 1000, 64 },
        { 100230, "hls", 720, 1800, 128 },
        { 100240, "hls", 1080, 2500, 128 },
        { 100270, "hls", 1440, 3000, 160 },
        { 100280, "hls", 2160, 6000, 160 },
        { 10, "mp4", 360, 400, 64 },
        { 20, "mp4", 540, 1000, 64 },
        { 30, "mp4", 720, 1800, 128 },
        { 40, "mp4", 1080, 2500, 128 },
    };

    // Audio-only: definition, container, codec, kbps.
    public static TheoryData<long, string, string, long> AudioPresets() => new()
    {
        { 1010, "mp3", "mp3", 128 },
        { 1020, "mp3", "mp3", 320 },
        { 1100, "m4a", "aac", 24 },
        { 1110, "m4a", "aac", 48 },
        { 1120, "m4a", "aac", 96 },
        { 1130, "m4a", "aac", 192 },
        { 1140, "m4a", "aac", 256 },
    };

    [Theory]
    [MemberData(nameof(VideoPresets))]
    public void Find_VideoPreset_H264AacAtSpecRung(long definition, string container, long height, long videoKbps, long audioKbps)
    {
        var template = PresetTranscodeTemplates.Find(definition);

        Assert.NotNull(template);
        Assert.Equal(definition, template.Definition);
        Assert.Equal(TemplateType.Preset, template.Type);
        Assert.Equal(container, template.Container);
        Assert.False(template.IsAudioOnly);
        Assert.Equal(0, template.RemoveVideo);
        Assert.Equal(0, template.RemoveAudio);
        var video = template.VideoTemplate;
        Assert.NotNull(video);
        Assert.Equal("h264", video.Codec);
        Assert.Equal(height, video.Height);
        Assert.Equal(0, video.Width);
        Assert.Equal(videoKbps, video.Bitrate);
        Assert.Equal(25, video.Fps);
        var audio = template.AudioTemplate;
        Assert.NotNull(audio);
        Assert.Equal("aac", audio.Codec);
        Assert.Equal(audioKbps, audio.Bitrate);
        Assert.Equal(44100, audio.SampleRate);
        Assert.Equal(2, audio.AudioChannel);
    }

    [Theory]
    [MemberData(nameof(AudioPresets))]
    public void Find_AudioPreset_AudioOnlyAtSpecBitrate(long definition, string container, string codec, long kbps)
    {
        var template = PresetTranscodeTemplates.Find(definition);

        Assert.NotNull(template);
        Assert.Equal(TemplateType.Preset, template.Type);
        Assert.Equal(container, template.Container);
        Assert.True(template.IsAudioOnly);
        Assert.Equal(1, template.RemoveVideo);
        Assert.Null(template.VideoTemplate);
        Assert.Equal(codec, template.AudioTemplate?.Codec);
        Assert.Equal(kbps, template.AudioTemplate?.Bitrate);
        Assert.Equal(44100, template.AudioTemplate?.SampleRate);
        Assert.Equal(2, template.AudioTemplate?.AudioChannel);
    }

    [Fact]
    public void All_ExactlyTheSeededIds()
    {
        long[] expected =
        [
            10, 20, 30, 40, 1010, 1020, 1100, 1110, 1120, 1130, 1140,
            100010, 100020, 100030, 100040, 100070, 100080, 100210, 100220, 100230, 100240, 100270, 100280,
            100800, 100810, 100820, 100830, 100840, 101010, 101020, 101030, 101210, 101220, 101230,
        ];
        Assert.Equal(expected, PresetTranscodeTemplates.All.Select(t => t.Definition).Order());
    }

    [Fact]
    public void All_NoDuplicateDefinitionsOrNames()
    {
        Assert.Equal(PresetTranscodeTemplates.All.Count, PresetTranscodeTemplates.All.Select(t => t.Definition).Distinct().Count());
        Assert.Equal(PresetTranscodeTemplates.All.Count, PresetTranscodeTemplates.All.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public void All_EveryPresetIsTypedPresetAndNamed() =>
        Assert.All(PresetTranscodeTemplates.All, t =>
        {
            Assert.Equal(TemplateType.Preset, t.Type);
            Assert.NotEmpty(t.Name);
            Assert.True(TemplateType.IsPresetDefinition(t.Definition));
        });

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100050)]
    [InlineData(100060)]
    [InlineData(100290)]
    [InlineData(101040)]
    [InlineData(100850)]
    [InlineData(1030)]
    public void Find_NotSeeded_Null(long definition)
    {
        Assert.Null(PresetTranscodeTemplates.Find(definition));
        Assert.False(PresetTranscodeTemplates.Contains(definition));
    }

    // reference/mps-api.md §14, H.265 (VOD list): definition, container, height, video kbps, audio kbps.
    public static TheoryData<long, string, long, long, long> H265Presets() => new()
    {
        { 101010, "mp4", 360, 300, 64 },
        { 101020, "mp4", 540, 800, 64 },
        { 101030, "mp4", 720, 1500, 128 },
        { 101210, "hls", 360, 300, 64 },
        { 101220, "hls", 540, 800, 64 },
        { 101230, "hls", 720, 1500, 128 },
    };

    [Theory]
    [MemberData(nameof(H265Presets))]
    public void Find_H265Preset_HevcAacAtSpecRung(long definition, string container, long height, long videoKbps, long audioKbps)
    {
        var template = PresetTranscodeTemplates.Find(definition)!;
        Assert.Equal((container, "h265", height, videoKbps, 25L), (template.Container, template.VideoTemplate!.Codec, template.VideoTemplate.Height!.Value, template.VideoTemplate.Bitrate!.Value, template.VideoTemplate.Fps!.Value));
        Assert.Equal(("aac", audioKbps), (template.AudioTemplate!.Codec, template.AudioTemplate.Bitrate!.Value));
        Assert.Null(template.TEHDConfig);
        TranscodeTemplateRules.Validate(template);
    }

    // reference/mps-api.md §14 TEHD ids and heights; the caps are ours (docs/enhancement.md): definition, height, cap kbps, fps.
    [Theory]
    [InlineData(100800, 0, 0, 0)]
    [InlineData(100810, 360, 400, 25)]
    [InlineData(100820, 540, 1000, 25)]
    [InlineData(100830, 720, 1800, 25)]
    [InlineData(100840, 1080, 2500, 25)]
    public void Find_TehdPreset_Tehd100H264Mp4(long definition, long height, long capKbps, long fps)
    {
        var template = PresetTranscodeTemplates.Find(definition)!;
        Assert.Equal(("mp4", "h264", height, 0L, fps), (template.Container, template.VideoTemplate!.Codec, template.VideoTemplate.Height!.Value, template.VideoTemplate.Bitrate!.Value, template.VideoTemplate.Fps!.Value));
        Assert.Equal(new TehdConfig { Type = "TEHD-100", MaxVideoBitrate = capKbps }, template.TEHDConfig);
        Assert.True(TranscodeTemplateRules.IsTehdVideo(template));
        TranscodeTemplateRules.Validate(template);
    }

    [Theory]
    [InlineData(100010)]
    [InlineData(100280)]
    [InlineData(9999)]
    public void IsPresetDefinition_PresetOrBelowFirstCustom_True(long definition) => Assert.True(TemplateType.IsPresetDefinition(definition));

    [Theory]
    [InlineData(10000)]
    [InlineData(100050)]
    public void IsPresetDefinition_CustomRange_False(long definition) => Assert.False(TemplateType.IsPresetDefinition(definition));

    [Theory]
    [InlineData("hls", "m3u8")]
    [InlineData("mp4", "mp4")]
    [InlineData("mp3", "mp3")]
    [InlineData("m4a", "m4a")]
    public void FileExtension_OfPresetContainers(string container, string extension) => Assert.Equal(extension, TranscodeContainers.FileExtension(container));
}
