using System.Text.Json;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Tests.Ai;

/// <summary>AI analysis template rules (reference/mps-api.md §13.9): switches, model-gated switches, refused members.</summary>
public class AiAnalysisTemplateRulesTests
{
    private static readonly AiSwitch On = new() { Switch = AiSwitch.On };

    private static readonly AiModels WithClassifier = new(new Dictionary<string, AiModelConfig>
    {
        [AiModelNames.Classification] = new() { Path = "/models/brightness.onnx", Labels = "/models/brightness.txt" },
    });

    [Fact]
    public void Validate_OwnAnalysesOn_AcceptedWithoutModels()
    {
        AiAnalysisTemplateRules.Validate(
            new AiAnalysisTemplate { Name = "all", CoverConfigure = On, MfSegmentConfigure = On, MfHighlightConfigure = On, MfHeadTailConfigure = On }, AiModels.None);
    }

    [Theory]
    [InlineData("ClassificationConfigure")]
    [InlineData("FrameTagConfigure")]
    public void Validate_ModelSwitchWithoutModel_RefusedNamingTheField(string field)
    {
        var template = field == "ClassificationConfigure" ? new AiAnalysisTemplate { Name = "x", ClassificationConfigure = On } : new AiAnalysisTemplate { Name = "x", FrameTagConfigure = On };
        var error = Assert.Throws<ApiException>(() => AiAnalysisTemplateRules.Validate(template, AiModels.None));
        Assert.Equal($"InvalidParameterValue.{field}", error.Code);
        Assert.Contains("Ai:Models:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClassificationWithConfiguredModel_Accepted()
    {
        AiAnalysisTemplateRules.Validate(new AiAnalysisTemplate { Name = "x", ClassificationConfigure = On }, WithClassifier);
        var error = Assert.Throws<ApiException>(() => AiAnalysisTemplateRules.Validate(new AiAnalysisTemplate { Name = "x", FrameTagConfigure = On }, WithClassifier));
        Assert.Equal("InvalidParameterValue.FrameTagConfigure", error.Code);
    }

    [Fact]
    public void Validate_BadSwitchValueTagsAndUnknownMembers_Refused()
    {
        Assert.Equal("InvalidParameterValue.CoverConfigure",
            Assert.Throws<ApiException>(() => AiAnalysisTemplateRules.Validate(new AiAnalysisTemplate { Name = "x", CoverConfigure = new AiSwitch { Switch = "on" } }, AiModels.None)).Code);
        Assert.Equal("InvalidParameterValue.TagConfigure",
            Assert.Throws<ApiException>(() => AiAnalysisTemplateRules.Validate(new AiAnalysisTemplate { Name = "x", TagConfigure = new AiSwitch { Switch = "YES" } }, AiModels.None)).Code);
        AiAnalysisTemplateRules.Validate(new AiAnalysisTemplate { Name = "x", TagConfigure = On }, AiModels.None); // text tags need no model
        var unknown = JsonSerializer.Deserialize<AiAnalysisTemplate>("""{"Name":"x","DescriptionConfigure":{"Switch":"ON"}}""")!;
        Assert.Equal("InvalidParameterValue.DescriptionConfigure",
            Assert.Throws<ApiException>(() => AiAnalysisTemplateRules.Validate(unknown, AiModels.None)).Code);
    }

    [Fact]
    public void Presets_AreValidWithoutModels_AndNumberedFrom10()
    {
        var family = AiAnalysisTemplates.Family(AiModels.None);
        Assert.Equal("AIAnalysisTemplateSet", family.SetName);
        Assert.Equal([10L, 20L, 30L], family.Presets.Select(p => p.Definition));
        foreach (var preset in family.Presets)
        {
            family.Validate(preset);
        }
    }
}
