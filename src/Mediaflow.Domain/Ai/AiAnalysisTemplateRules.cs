using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// Field rules of AI analysis templates: every switch is ON/OFF; the switches that need a model we cannot ship
/// (classification, frame tags) are refused unless the server has that model configured; text tags (TagConfigure) come
/// from OCR/ASR keywords (docs/media-ai-analysis.md).
/// </summary>
public static class AiAnalysisTemplateRules
{
    public static void Validate(AiAnalysisTemplate template, AiModels models)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(models);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        if (template.NotYetSupported?.Keys.FirstOrDefault() is { } unknown)
        {
            throw Refuse(unknown, $"{unknown} is not implemented by this server.");
        }

        foreach (var (field, configure) in Switches(template))
        {
            if (configure is not null && configure.Switch is not (AiSwitch.On or AiSwitch.Off))
            {
                throw Refuse(field, $"{field}.Switch must be ON or OFF.");
            }
        }

        RequireModel(template.ClassificationConfigure, "ClassificationConfigure", AiModelNames.Classification, models);
        RequireModel(template.FrameTagConfigure, "FrameTagConfigure", AiModelNames.FrameTag, models);
    }

    public static IEnumerable<(string Field, AiSwitch? Configure)> Switches(AiAnalysisTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        yield return ("ClassificationConfigure", template.ClassificationConfigure);
        yield return ("TagConfigure", template.TagConfigure);
        yield return ("CoverConfigure", template.CoverConfigure);
        yield return ("FrameTagConfigure", template.FrameTagConfigure);
        yield return ("MfSegmentConfigure", template.MfSegmentConfigure);
        yield return ("MfHighlightConfigure", template.MfHighlightConfigure);
        yield return ("MfHeadTailConfigure", template.MfHeadTailConfigure);
    }

    private static void RequireModel(AiSwitch? configure, string field, string model, AiModels models)
    {
        if (AiSwitch.IsOn(configure) && !models.Has(model))
        {
            throw Refuse(field, $"{field} needs an ONNX model this server does not ship; configure Ai:Models:{model}:Path and :Labels, or set its Switch to OFF.");
        }
    }

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
