using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Tests.Ai;

public sealed class ContentReviewTemplateRulesTests
{
    private static readonly AiModels WithImageModel = new(new Dictionary<string, AiModelConfig> { [AiModelNames.ImageReview] = new() { Path = "/m.onnx", Labels = "/m.txt" } });

    [Fact]
    public void Checks_AbsentThresholds_SpecDefaultsInResultOrder()
    {
        var template = new ContentReviewTemplate
        {
            Name = "t",
            ProhibitedConfigure = new() { OcrReviewInfo = new() { Switch = "ON" }, AsrReviewInfo = new() { Switch = "ON", BlockConfidence = 60 } },
            PornConfigure = new() { AsrReviewInfo = new() { Switch = "ON" }, OcrReviewInfo = new() { Switch = "OFF" } },
        };

        var checks = ContentReviewLabels.Checks(template);

        Assert.Equal(["Porn.Asr", "Prohibited.Asr", "Prohibited.Ocr"], checks.Select(c => c.ResultType));
        Assert.Equal(["PornAsrTask", "ProhibitedAsrTask", "ProhibitedOcrTask"], checks.Select(c => c.TaskMember));
        Assert.Equal((100.0, 75.0), (checks[0].BlockConfidence, checks[0].ReviewConfidence));
        Assert.Equal((60.0, 75.0), (checks[1].BlockConfidence, checks[1].ReviewConfidence));
    }

    [Fact]
    public void Validate_PictureReview_RefusedWithoutAModel_AcceptedWithOne()
    {
        var template = new ContentReviewTemplate { Name = "t", TerrorismConfigure = new() { ImgReviewInfo = new() { Switch = "ON", BlockConfidence = 70, ReviewConfidence = 40 } } };

        var refused = Assert.Throws<ApiException>(() => ContentReviewTemplateRules.Validate(template, AiModels.None));
        Assert.Equal("InvalidParameterValue.ImgReviewInfo", refused.Code);
        Assert.Contains("Ai:Models:ImageReview", refused.Message, StringComparison.Ordinal);
        ContentReviewTemplateRules.Validate(template, WithImageModel);
        var check = Assert.Single(ContentReviewLabels.Checks(template));
        Assert.Equal(("Terrorism", ReviewSource.Img, 70.0, 40.0), (check.ResultType, check.Source, check.BlockConfidence, check.ReviewConfidence));
        Assert.Equal("InvalidParameterValue.ImgReviewInfo", Assert.Throws<ApiException>(() => ContentReviewTemplateRules.Validate(
            new ContentReviewTemplate { Name = "t", ProhibitedConfigure = new() { ImgReviewInfo = new() { Switch = "ON" } } }, WithImageModel)).Code);
        ContentReviewTemplateRules.Validate(template with { TerrorismConfigure = new() { ImgReviewInfo = new() { Switch = "OFF" } } }, AiModels.None);
    }

    [Fact]
    public void Presets_AreValidAndReadTextOnly()
    {
        Assert.All(ContentReviewTemplates.Presets, p => ContentReviewTemplateRules.Validate(p, AiModels.None));
        Assert.Equal(7, ContentReviewLabels.Checks(ContentReviewTemplates.Presets[0]).Count);
        Assert.All(ContentReviewLabels.Checks(ContentReviewTemplates.Presets[1]), c => Assert.Equal(ReviewSource.Asr, c.Source));
        Assert.All(ContentReviewLabels.Checks(ContentReviewTemplates.Presets[2]), c => Assert.Equal(ReviewSource.Ocr, c.Source));
    }
}
