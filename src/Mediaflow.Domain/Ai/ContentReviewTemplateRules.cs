using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// Field rules of content-review templates (docs/media-ai-review.md): switches ON/OFF, thresholds 0–100, only the
/// switches a label has; picture review (<c>ImgReviewInfo</c> ON) runs the <c>Ai:Models:ImageReview</c> ONNX model and is
/// refused when the server has none configured; the account-library
/// review (<c>UserDefineConfigure</c>) is not implemented and refused when any of its switches is ON.
/// </summary>
public static class ContentReviewTemplateRules
{
    public static void Validate(ContentReviewTemplate template, AiModels models)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(models);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        if (Unknown(template.NotYetSupported) is { } unknown)
        {
            throw Refuse(unknown, $"{unknown} is not implemented by this server.");
        }

        if (template.UserDefineConfigure is { } userDefine && SwitchedOn(userDefine))
        {
            throw Refuse("UserDefineConfigure", "UserDefineConfigure (review by custom library labels) is not implemented by this server; "
                + "add the keywords as word samples with usage Review and a label tag instead (docs/media-ai-review.md).");
        }

        foreach (var label in ContentReviewLabels.Names)
        {
            var configure = ContentReviewLabels.Configure(template, label);
            if (configure is null)
            {
                continue;
            }

            if (Unknown(configure.NotYetSupported) is { } member)
            {
                throw Refuse(member, $"{label}Configure.{member} is not implemented by this server.");
            }

            foreach (var source in Enum.GetValues<ReviewSource>())
            {
                if (ContentReviewLabels.Switch(configure, source) is { } info)
                {
                    ValidateSwitch(label, source, info, models);
                }
            }
        }
    }

    private static void ValidateSwitch(string label, ReviewSource source, ReviewSwitchInfo info, AiModels models)
    {
        var field = $"{source}ReviewInfo";
        var path = $"{label}Configure.{field}";
        if (!ContentReviewLabels.Has(label, source))
        {
            throw Refuse(field, $"{path} does not exist: {label} has no {source} review.");
        }

        if (Unknown(info.NotYetSupported) is { } unknown)
        {
            throw Refuse(unknown, $"{path}.{unknown} is not implemented by this server.");
        }

        if (info.Switch is not (AiSwitch.On or AiSwitch.Off))
        {
            throw Refuse("Switch", $"{path}.Switch must be ON or OFF.");
        }

        if (info.BlockConfidence is < 0 or > 100)
        {
            throw Refuse("BlockConfidence", $"{path}.BlockConfidence must be 0..100.");
        }

        if (info.ReviewConfidence is < 0 or > 100)
        {
            throw Refuse("ReviewConfidence", $"{path}.ReviewConfidence must be 0..100.");
        }

        if (source != ReviewSource.Img && info.LabelSet is { Count: > 0 })
        {
            throw Refuse("LabelSet", $"{path}.LabelSet exists for picture review only.");
        }

        if (source == ReviewSource.Img && info.IsOn && !models.Has(AiModelNames.ImageReview))
        {
            throw Refuse(field, $"{path} (picture review) needs an ONNX model this server does not ship: configure Ai:Models:{AiModelNames.ImageReview} "
                + "(docs/media-ai-review.md) or set its Switch to OFF.");
        }
    }

    private static string? Unknown(Dictionary<string, JsonElement>? members) =>
        members?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;

    private static bool SwitchedOn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p =>
            (p.Name == "Switch" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == AiSwitch.On) || SwitchedOn(p.Value)),
        _ => false,
    };

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
