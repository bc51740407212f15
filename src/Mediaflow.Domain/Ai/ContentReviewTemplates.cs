using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// The content-review template family (<c>Create/Modify/Delete/DescribeContentReviewTemplates</c>). Its rules depend on
/// the configured picture-review model, so the family is built at composition from <see cref="AiModels"/>. Presets are
/// our own ids (the spec's list is not public, §14): 10 = every text switch (ASR and OCR of all labels), 20 = speech
/// only, 30 = on-screen text only; their thresholds (block 80, review 50) suit our engines' word confidences.
/// </summary>
public static class ContentReviewTemplates
{
    public const string FamilyName = "ContentReview";
    public const double PresetBlockConfidence = 80;
    public const double PresetReviewConfidence = 50;

    public static readonly IReadOnlyList<ContentReviewTemplate> Presets =
    [
        Preset(10, "Text-review-ASR-and-OCR", asr: true, ocr: true),
        Preset(20, "Text-review-ASR", asr: true, ocr: false),
        Preset(30, "Text-review-OCR", asr: false, ocr: true),
    ];

    public static TemplateFamily<ContentReviewTemplate> Family(AiModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return new TemplateFamily<ContentReviewTemplate>
        {
            Name = FamilyName,
            MaxPerAccount = 50,
            Validate = template => ContentReviewTemplateRules.Validate(template, models),
            UsedBy = para => para.AiContentReviewTask?.Definition,
            Presets = Presets,
        };
    }

    private static ContentReviewTemplate Preset(long definition, string name, bool asr, bool ocr)
    {
        var on = new ReviewSwitchInfo { Switch = AiSwitch.On, BlockConfidence = PresetBlockConfidence, ReviewConfidence = PresetReviewConfidence };
        var off = new ReviewSwitchInfo { Switch = AiSwitch.Off };
        return new ContentReviewTemplate
        {
            Definition = definition,
            Name = name,
            Comment = "System preset",
            Type = TemplateType.Preset,
            PornConfigure = new() { AsrReviewInfo = asr ? on : off, OcrReviewInfo = ocr ? on : off },
            TerrorismConfigure = new() { OcrReviewInfo = ocr ? on : off },
            PoliticalConfigure = new() { AsrReviewInfo = asr ? on : off, OcrReviewInfo = ocr ? on : off },
            ProhibitedConfigure = new() { AsrReviewInfo = asr ? on : off, OcrReviewInfo = ocr ? on : off },
        };
    }
}
