using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// Rules of smart erase templates and raw parameters (docs/media-ai-analysis.md): <c>EraseType</c> watermark (method
/// <c>auto</c>|<c>custom</c>, model <c>basic</c>), subtitle (method <c>auto</c>|<c>custom</c>, model
/// <c>standard</c>|<c>area</c>; OCR extraction, translation and subtitle embedding refused) or privacy (<c>blur</c>|<c>mosaic</c>
/// over faces; plates refused: no plate detector). The config of the chosen type is required; a config of another type
/// is refused by name. Areas inside the frame (fractions 0–1 or pixels); custom needs at least one area.
/// </summary>
public static class SmartEraseRules
{
    public const int MaxAreas = 20;

    public static void ValidateTemplate(SmartEraseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (string.IsNullOrEmpty(template.Name))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Name is required");
        }

        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        RefuseExtras(template.NotYetSupported);
        Validate(template.EraseType, template.EraseWatermarkConfig, template.EraseSubtitleConfig, template.ErasePrivacyConfig);
    }

    public static void Validate(string? eraseType, SmartEraseWatermarkConfig? watermark, SmartEraseSubtitleConfig? subtitle = null, SmartErasePrivacyConfig? privacy = null)
    {
        switch (eraseType)
        {
            case "watermark":
                RefuseOther("EraseSubtitleConfig", subtitle, eraseType);
                RefuseOther("ErasePrivacyConfig", privacy, eraseType);
                ValidateWatermark(watermark ?? throw new ApiException(ApiErrorCodes.MissingParameter, "EraseWatermarkConfig is required for EraseType watermark"));
                break;
            case "subtitle":
                RefuseOther("EraseWatermarkConfig", watermark, eraseType);
                RefuseOther("ErasePrivacyConfig", privacy, eraseType);
                ValidateSubtitle(subtitle ?? throw new ApiException(ApiErrorCodes.MissingParameter, "EraseSubtitleConfig is required for EraseType subtitle"));
                break;
            case "privacy":
                RefuseOther("EraseWatermarkConfig", watermark, eraseType);
                RefuseOther("EraseSubtitleConfig", subtitle, eraseType);
                ValidatePrivacy(privacy ?? throw new ApiException(ApiErrorCodes.MissingParameter, "ErasePrivacyConfig is required for EraseType privacy"));
                break;
            case null or "":
                throw new ApiException(ApiErrorCodes.MissingParameter, "EraseType is required");
            default:
                throw Refuse("EraseType", "EraseType must be subtitle, watermark or privacy.");
        }
    }

    private static void ValidateWatermark(SmartEraseWatermarkConfig watermark)
    {
        RefuseExtras(watermark.NotYetSupported);
        if (watermark.WatermarkEraseMethod is not ("auto" or "custom"))
        {
            throw Refuse("WatermarkEraseMethod", "WatermarkEraseMethod must be auto or custom.");
        }

        if (watermark.WatermarkModel is not (null or "" or "basic"))
        {
            throw Refuse("WatermarkModel", "WatermarkModel must be basic (the one method of this server: static-overlay detection + delogo).");
        }

        ValidateAreas(watermark.WatermarkEraseMethod, watermark.AutoAreas, watermark.CustomAreas);
    }

    private static void ValidateSubtitle(SmartEraseSubtitleConfig subtitle)
    {
        RefuseExtras(subtitle.NotYetSupported);
        if (subtitle.SubtitleEraseMethod is not ("auto" or "custom"))
        {
            throw Refuse("SubtitleEraseMethod", "SubtitleEraseMethod must be auto or custom.");
        }

        if (subtitle.SubtitleModel is not (null or "" or "standard" or "area"))
        {
            throw Refuse("SubtitleModel", "SubtitleModel must be standard or area.");
        }

        if (subtitle.OcrSwitch is not (null or "" or AiSwitch.Off))
        {
            throw Refuse("OcrSwitch", "OcrSwitch ON (extracting the erased subtitles to a file) is not implemented by this server; use action-SmartSubtitles for OCR subtitles.");
        }

        if (subtitle.TransSwitch is not (null or "" or AiSwitch.Off))
        {
            throw Refuse("TransSwitch", "TransSwitch ON is refused: no translation engine is configured.");
        }

        if (subtitle.SubtitleEmbedId is not null)
        {
            throw Refuse("SubtitleEmbedId", "SubtitleEmbedId needs OCR translation, which this server does not do.");
        }

        ValidateAreas(subtitle.SubtitleEraseMethod, subtitle.AutoAreas, subtitle.CustomAreas);
    }

    private static void ValidatePrivacy(SmartErasePrivacyConfig privacy)
    {
        RefuseExtras(privacy.NotYetSupported);
        if (privacy.PrivacyModel is not ("blur" or "mosaic"))
        {
            throw Refuse("PrivacyModel", "PrivacyModel must be blur or mosaic.");
        }

        var targets = privacy.PrivacyTargets ?? [];
        if (targets.Count == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "PrivacyTargets needs at least one target (face)");
        }

        foreach (var target in targets)
        {
            switch (target)
            {
                case "face":
                    break;
                case "plate":
                    throw Refuse("PrivacyTargets", "PrivacyTargets plate needs a licence-plate detection model; Debian ships none and this server's model loader (Ai:Models) takes frame classifiers only, so plates cannot be found. Use face.");
                default:
                    throw Refuse("PrivacyTargets", "PrivacyTargets must be face or plate.");
            }
        }
    }

    private static void ValidateAreas(string method, IReadOnlyList<EraseArea>? autoAreas, IReadOnlyList<EraseTimeArea>? customAreas)
    {
        var custom = customAreas ?? [];
        if (method == "custom" && custom.Sum(c => c.Areas?.Count ?? 0) == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "CustomAreas needs at least one area for the custom method");
        }

        if ((autoAreas?.Count ?? 0) > MaxAreas || custom.Count > MaxAreas || custom.Any(c => (c.Areas?.Count ?? 0) > MaxAreas))
        {
            throw Refuse("EraseArea", $"at most {MaxAreas} areas");
        }

        foreach (var time in custom)
        {
            if (time.BeginMs < 0 || time.EndMs < 0 || (time.EndMs != 0 && time.EndMs <= time.BeginMs))
            {
                throw Refuse("EraseTimeArea", "BeginMs/EndMs must be ≥ 0 and EndMs after BeginMs (0 = to the end).");
            }
        }

        foreach (var area in (autoAreas ?? []).Concat(custom.SelectMany(c => c.Areas ?? [])))
        {
            ValidateArea(area);
        }
    }

    private static void RefuseOther(string field, object? config, string eraseType)
    {
        if (config is not null)
        {
            throw Refuse(field, $"{field} does not apply to EraseType {eraseType}.");
        }
    }

    private static void ValidateArea(EraseArea area)
    {
        var limit = area.Unit switch
        {
            EraseArea.Percent => 1.0,
            EraseArea.Pixels => 100_000.0,
            _ => throw Refuse("Unit", "EraseArea.Unit must be 1 (fractions of the frame) or 2 (pixels)."),
        };
        if (area.LeftTopX < 0 || area.LeftTopY < 0 || area.RightBottomX > limit || area.RightBottomY > limit
            || area.RightBottomX <= area.LeftTopX || area.RightBottomY <= area.LeftTopY)
        {
            throw Refuse("EraseArea", "an EraseArea must have LeftTop above-left of RightBottom, within the frame (Unit 1: 0–1).");
        }
    }

    private static void RefuseExtras(Dictionary<string, JsonElement>? extras)
    {
        var field = extras?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null).Key;
        if (field is not null)
        {
            throw Refuse(field, $"{field} is not implemented by this server.");
        }
    }

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
