using System.Text.Json;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Tests.Ai;

/// <summary>Smart erase template rules: watermark, subtitle and privacy erasing; methods, models, areas, what is refused.</summary>
public class SmartEraseRulesTests
{
    private static SmartEraseTemplate Template(string json) => JsonSerializer.Deserialize<SmartEraseTemplate>(json)!;

    [Fact]
    public void ValidateTemplate_AutoAndCustomWatermark_Accepted()
    {
        SmartEraseRules.ValidateTemplate(Template("""{"Name":"auto","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"auto","AutoAreas":[{"LeftTopX":0.7,"LeftTopY":0,"RightBottomX":1,"RightBottomY":0.3,"Unit":1}]}}"""));
        SmartEraseRules.ValidateTemplate(Template("""{"Name":"custom","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"custom","WatermarkModel":"basic","CustomAreas":[{"BeginMs":0,"EndMs":0,"Areas":[{"LeftTopX":250,"LeftTopY":10,"RightBottomX":310,"RightBottomY":45,"Unit":2}]}]}}"""));
        SmartEraseRules.ValidateTemplate(Template("""{"Name":"subs","EraseType":"subtitle","EraseSubtitleConfig":{"SubtitleEraseMethod":"auto","SubtitleModel":"standard","OcrSwitch":"OFF","AutoAreas":[{"LeftTopX":0,"LeftTopY":0.7,"RightBottomX":1,"RightBottomY":1,"Unit":1}]}}"""));
        SmartEraseRules.ValidateTemplate(Template("""{"Name":"subs2","EraseType":"subtitle","EraseSubtitleConfig":{"SubtitleEraseMethod":"custom","SubtitleModel":"area","CustomAreas":[{"BeginMs":500,"EndMs":1800,"Areas":[{"LeftTopX":0.1,"LeftTopY":0.8,"RightBottomX":0.9,"RightBottomY":0.95}]}]}}"""));
        SmartEraseRules.ValidateTemplate(Template("""{"Name":"faces","EraseType":"privacy","ErasePrivacyConfig":{"PrivacyModel":"mosaic","PrivacyTargets":["face"]}}"""));
        foreach (var preset in SmartEraseTemplates.Family.Presets)
        {
            SmartEraseTemplates.Family.Validate(preset);
        }
    }

    [Theory]
    [InlineData("""{"Name":"x","EraseType":"privacy","ErasePrivacyConfig":{"PrivacyModel":"blur"}}""", "MissingParameter")]
    [InlineData("""{"Name":"x","EraseType":"privacy","ErasePrivacyConfig":{"PrivacyModel":"blur","PrivacyTargets":["face","plate"]}}""", "InvalidParameterValue.PrivacyTargets")]
    [InlineData("""{"Name":"x","EraseType":"privacy","ErasePrivacyConfig":{"PrivacyModel":"smudge","PrivacyTargets":["face"]}}""", "InvalidParameterValue.PrivacyModel")]
    [InlineData("""{"Name":"x","EraseType":"privacy","ErasePrivacyConfig":{"PrivacyModel":"blur","PrivacyTargets":["face"]},"EraseWatermarkConfig":{"WatermarkEraseMethod":"auto"}}""", "InvalidParameterValue.EraseWatermarkConfig")]
    [InlineData("""{"Name":"x","EraseType":"subtitle"}""", "MissingParameter")]
    [InlineData("""{"Name":"x","EraseType":"subtitle","EraseSubtitleConfig":{"SubtitleEraseMethod":"auto","SubtitleModel":"standard","OcrSwitch":"ON"}}""", "InvalidParameterValue.OcrSwitch")]
    [InlineData("""{"Name":"x","EraseType":"subtitle","EraseSubtitleConfig":{"SubtitleEraseMethod":"auto","SubtitleModel":"fancy"}}""", "InvalidParameterValue.SubtitleModel")]
    [InlineData("""{"Name":"x","EraseType":"subtitle","EraseSubtitleConfig":{"SubtitleEraseMethod":"auto","TransSwitch":"ON"}}""", "InvalidParameterValue.TransSwitch")]
    [InlineData("""{"Name":"x","EraseType":"subtitle","EraseSubtitleConfig":{"SubtitleEraseMethod":"custom","SubtitleModel":"area"}}""", "MissingParameter")]
    [InlineData("""{"Name":"x","EraseType":"subtitle","EraseSubtitleConfig":{"SubtitleEraseMethod":"auto","Fancy":1}}""", "InvalidParameterValue.Fancy")]
    [InlineData("""{"Name":"x","EraseType":"watermark"}""", "MissingParameter")]
    [InlineData("""{"Name":"x","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"magic"}}""", "InvalidParameterValue.WatermarkEraseMethod")]
    [InlineData("""{"Name":"x","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"auto","WatermarkModel":"advanced"}}""", "InvalidParameterValue.WatermarkModel")]
    [InlineData("""{"Name":"x","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"custom"}}""", "MissingParameter")]
    [InlineData("""{"Name":"x","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"auto","AutoAreas":[{"LeftTopX":0.5,"LeftTopY":0,"RightBottomX":1.5,"RightBottomY":0.3,"Unit":1}]}}""", "InvalidParameterValue.EraseArea")]
    [InlineData("""{"Name":"x","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"auto","AutoAreas":[{"LeftTopX":0,"LeftTopY":0,"RightBottomX":1,"RightBottomY":1,"Unit":3}]}}""", "InvalidParameterValue.Unit")]
    [InlineData("""{"Name":"x","EraseType":"watermark","AliasName":"a","EraseWatermarkConfig":{"WatermarkEraseMethod":"auto"}}""", "InvalidParameterValue.AliasName")]
    [InlineData("""{"EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"auto"}}""", "MissingParameter")]
    public void ValidateTemplate_Refusals_NameTheField(string json, string code) =>
        Assert.Equal(code, Assert.Throws<ApiException>(() => SmartEraseRules.ValidateTemplate(Template(json))).Code);

    [Fact]
    public void InPixels_PercentAndPixelUnits()
    {
        Assert.Equal((224L, 18L, 96L, 36L), new EraseArea { LeftTopX = 0.7, LeftTopY = 0.1, RightBottomX = 1, RightBottomY = 0.3, Unit = EraseArea.Percent }.InPixels(320, 180));
        Assert.Equal((250L, 10L, 60L, 35L), new EraseArea { LeftTopX = 250, LeftTopY = 10, RightBottomX = 310, RightBottomY = 45, Unit = EraseArea.Pixels }.InPixels(320, 180));
    }
}
