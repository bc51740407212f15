using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Tests.Templates;

/// <summary>Field rules of the image families (reference/mps-api.md §13.2–§13.5) and their presets (§14).</summary>
public class ImageTemplateRulesTests
{
    [Fact]
    public void Presets_EveryFamily_ValidPresetsBelow10000()
    {
        AssertPresets(TemplateFamilies.SnapshotByTimeOffset);
        AssertPresets(TemplateFamilies.SampleSnapshot);
        AssertPresets(TemplateFamilies.ImageSprite);
        AssertPresets(TemplateFamilies.AnimatedGraphics);
        AssertPresets(TemplateFamilies.AdaptiveDynamicStreaming);
        Assert.Empty(TemplateFamilies.Watermark.Presets);
    }

    [Fact]
    public void Presets_SpecIds_AsSection14Lists()
    {
        Assert.Equal(("jpg", 0L, 0L, "stretch"), Shape(TemplateFamilies.SnapshotByTimeOffset.FindPreset(10)!));
        var sample = TemplateFamilies.SampleSnapshot.FindPreset(10)!;
        Assert.Equal(("Percent", 10L, "jpg"), (sample.SampleType, sample.SampleInterval, sample.Format));
        var sprite = TemplateFamilies.ImageSprite.FindPreset(10)!;
        Assert.Equal((142L, 80L, 10L, 10L, "Time", 10L), (sprite.Width, sprite.Height, sprite.RowCount, sprite.ColumnCount, sprite.SampleType, sprite.SampleInterval));
    }

    public static TheoryData<SnapshotByTimeOffsetTemplate, string> BadSnapshots => new()
    {
        { new() { Format = "gif" }, "Format" },
        { new() { Width = 127 }, "Width" },
        { new() { Height = 4097 }, "Height" },
        { new() { ResolutionAdaptive = "auto" }, "ResolutionAdaptive" },
        { new() { FillType = "smarttailor" }, "FillType" },
        { new() { Name = new string('n', 65) }, "Name" },
        { new() { Comment = new string('c', 257) }, "Comment" },
    };

    [Theory]
    [MemberData(nameof(BadSnapshots))]
    public void ValidateSnapshot_BadField_NamesIt(SnapshotByTimeOffsetTemplate template, string field) =>
        Assert.Equal(ApiErrorCodes.InvalidValue(field), Assert.Throws<ApiException>(() => ImageTemplateRules.ValidateSnapshot(template)).Code);

    [Theory]
    [InlineData("Percent", 0, "SampleInterval")]
    [InlineData("Percent", 101, "SampleInterval")]
    [InlineData("Time", 0, "SampleInterval")]
    [InlineData("Frames", 10, "SampleType")]
    public void ValidateSample_BadSampling_NamesTheField(string type, long interval, string field) =>
        Assert.Equal(ApiErrorCodes.InvalidValue(field), Assert.Throws<ApiException>(
            () => ImageTemplateRules.ValidateSample(new SampleSnapshotTemplate { SampleType = type, SampleInterval = interval })).Code);

    [Fact]
    public void ValidateSample_NoSampleType_MissingParameter() =>
        Assert.Equal(ApiErrorCodes.MissingParameter, Assert.Throws<ApiException>(() => ImageTemplateRules.ValidateSample(new SampleSnapshotTemplate { SampleInterval = 5 })).Code);

    [Theory]
    [InlineData(0, 5, "RowCount")]
    [InlineData(5, 0, "ColumnCount")]
    [InlineData(11, 10, "ColumnCount")]
    public void ValidateSprite_BadGrid_NamesTheField(long rows, long columns, string field) =>
        Assert.Equal(ApiErrorCodes.InvalidValue(field), Assert.Throws<ApiException>(() => ImageTemplateRules.ValidateSprite(
            new ImageSpriteTemplate { SampleType = "Time", SampleInterval = 10, RowCount = rows, ColumnCount = columns })).Code);

    [Fact]
    public void ValidateSprite_GaussFill_RefusedForSprites() =>
        Assert.Equal("InvalidParameterValue.FillType", Assert.Throws<ApiException>(() => ImageTemplateRules.ValidateSprite(
            new ImageSpriteTemplate { SampleType = "Time", SampleInterval = 10, RowCount = 2, ColumnCount = 2, FillType = "gauss" })).Code);

    [Theory]
    [InlineData(0, 75, "gif", "Fps")]
    [InlineData(31, 75, "gif", "Fps")]
    [InlineData(10, 0, "gif", "Quality")]
    [InlineData(10, 101, "webp", "Quality")]
    [InlineData(10, 75, "mp4", "Format")]
    public void ValidateAnimated_BadField_NamesIt(long fps, long quality, string format, string field) =>
        Assert.Equal(ApiErrorCodes.InvalidValue(field), Assert.Throws<ApiException>(() => ImageTemplateRules.ValidateAnimated(
            new AnimatedGraphicsTemplate { Fps = fps, Quality = quality, Format = format })).Code);

    [Fact]
    public void ValidateAdaptive_SubStreamUsesTranscodeRules_NamesTheCodec()
    {
        var template = TemplateFamilies.AdaptiveDynamicStreaming.FindPreset(10)! with { Type = TemplateType.Custom };
        var bad = template with { StreamInfos = [template.StreamInfos[0] with { Video = template.StreamInfos[0].Video! with { Codec = "vp9" } }] };
        Assert.Equal("InvalidParameterValue.VideoCodec", Assert.Throws<ApiException>(() => StoredOnlyTemplateRules.ValidateAdaptive(bad)).Code);
        var tooMany = template with { StreamInfos = [.. Enumerable.Repeat(template.StreamInfos[0], 11)] };
        Assert.Equal("InvalidParameterValue.StreamInfos", Assert.Throws<ApiException>(() => StoredOnlyTemplateRules.ValidateAdaptive(tooMany)).Code);
    }

    private static (string, long, long, string) Shape(SnapshotByTimeOffsetTemplate t) => (t.Format, t.Width, t.Height, t.FillType);

    private static void AssertPresets<T>(TemplateFamily<T> family)
        where T : class, IStoredTemplate<T>
    {
        Assert.NotEmpty(family.Presets);
        Assert.Equal(family.Presets.Count, family.Presets.Select(p => p.Definition).Distinct().Count());
        foreach (var preset in family.Presets)
        {
            Assert.True(TemplateType.IsPresetDefinition(preset.Definition), $"{family.Name} preset {preset.Definition}");
            Assert.Equal(TemplateType.Preset, preset.Type);
            family.Validate(preset);
        }
    }
}
