using System.Text.Json;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Tests.Ai;

/// <summary>Smart erase template rules: watermark erasing only, methods, models, areas.</summary>
public class SmartEraseRulesTests
{
    private static SmartEraseTemplate Template(string json) => JsonSerializer.Deserialize<SmartEraseTemplate>(json)!;

    [Fact]
    public void ValidateTemplate_AutoAndCustomWatermark_Accepted()
    {
        SmartEraseRules.ValidateTemplate(Template("""{"Name":"auto","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"auto","AutoAreas":[{"LeftTopX":0.7,"LeftTopY":0,"RightBottomX":1,"RightBottomY":0.3,"Unit":1}]}}"""));
        SmartEraseRules.ValidateTemplate(Template("""{"Name":"custom","EraseType":"watermark","EraseWatermarkConfig":{"WatermarkEraseMethod":"custom","WatermarkModel":"basic","CustomAreas":[{"BeginMs":0,"EndMs":0,"Areas":[{"LeftTopX":250,"LeftTopY":10,"RightBottomX":310,"RightBottomY":45,"Unit":2}]}]}}"""));
        foreach (var preset in SmartEraseTemplates.Family.Presets)
        {
            SmartEraseTemplates.Family.Validate(preset);
        }
    }

    [Theory]
    [InlineData("""{"Name":"x","EraseType":"privacy","ErasePrivacyConfig":{"PrivacyModel":"blur"}}""", "InvalidParameterValue.EraseType")]
    [InlineData("""{"Name":"x","EraseType":"subtitle"}""", "InvalidParameterValue.EraseType")]
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
