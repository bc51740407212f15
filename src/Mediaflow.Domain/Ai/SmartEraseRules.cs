using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// Rules of smart erase templates and raw parameters: <c>EraseType</c> <c>watermark</c> only (subtitle erasing needs
/// OCR, privacy erasing needs face detection: refused), method <c>auto</c>|<c>custom</c>, model <c>basic</c> (our one
/// method; <c>advanced</c> refused), areas inside the frame (fractions 0–1 or pixels), custom needs at least one area.
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
        Validate(template.EraseType, template.EraseWatermarkConfig);
        RefuseExtras(template.NotYetSupported);
    }

    public static void Validate(string? eraseType, SmartEraseWatermarkConfig? watermark)
    {
        switch (eraseType)
        {
            case "watermark":
                break;
            case "subtitle" or "privacy":
                throw Refuse("EraseType", $"EraseType {eraseType} is not implemented by this server ({(eraseType == "subtitle" ? "it needs OCR" : "it needs face detection")}); use watermark.");
            case null or "":
                throw new ApiException(ApiErrorCodes.MissingParameter, "EraseType is required");
            default:
                throw Refuse("EraseType", "EraseType must be subtitle, watermark or privacy.");
        }

        if (watermark is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "EraseWatermarkConfig is required for EraseType watermark");
        }

        RefuseExtras(watermark.NotYetSupported);
        if (watermark.WatermarkEraseMethod is not ("auto" or "custom"))
        {
            throw Refuse("WatermarkEraseMethod", "WatermarkEraseMethod must be auto or custom.");
        }

        if (watermark.WatermarkModel is not (null or "" or "basic"))
        {
            throw Refuse("WatermarkModel", "WatermarkModel must be basic (the one method of this server: static-overlay detection + delogo).");
        }

        var custom = watermark.CustomAreas ?? [];
        if (watermark.WatermarkEraseMethod == "custom" && custom.Sum(c => c.Areas?.Count ?? 0) == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "CustomAreas needs at least one area for WatermarkEraseMethod custom");
        }

        if ((watermark.AutoAreas?.Count ?? 0) > MaxAreas || custom.Count > MaxAreas || custom.Any(c => (c.Areas?.Count ?? 0) > MaxAreas))
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

        foreach (var area in (watermark.AutoAreas ?? []).Concat(custom.SelectMany(c => c.Areas ?? [])))
        {
            ValidateArea(area);
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
