using System.Text.Json.Nodes;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>The smart erase template family (<c>Create/Modify/Delete/DescribeSmartEraseTemplates</c>); presets (ours) <c>10</c> = automatic watermark erase, <c>20</c> = automatic subtitle erase (lower half, standard), <c>30</c> = faces blurred.</summary>
public static class SmartEraseTemplates
{
    public static readonly TemplateFamily<SmartEraseTemplate> Family = new()
    {
        Name = "SmartErase",
        MaxPerAccount = 100,
        Validate = SmartEraseRules.ValidateTemplate,
        UsedBy = para => para.SmartEraseTask?.Definition is { } definition and not 0 ? definition : null,
        BeforeModifyMerge = DropConfigsOfAnotherEraseType,
        Presets =
        [
            new()
            {
                Definition = 10, Name = "Watermark-auto", Comment = "System preset", Type = TemplateType.Preset, EraseType = "watermark",
                EraseWatermarkConfig = new SmartEraseWatermarkConfig { WatermarkEraseMethod = "auto", WatermarkModel = "basic" },
            },
            new()
            {
                Definition = 20, Name = "Subtitle-auto", Comment = "System preset", Type = TemplateType.Preset, EraseType = "subtitle",
                EraseSubtitleConfig = new SmartEraseSubtitleConfig { SubtitleEraseMethod = "auto", SubtitleModel = "standard" },
            },
            new()
            {
                Definition = 30, Name = "Privacy-face-blur", Comment = "System preset", Type = TemplateType.Preset, EraseType = "privacy",
                ErasePrivacyConfig = new SmartErasePrivacyConfig { PrivacyModel = "blur", PrivacyTargets = ["face"] },
            },
        ],
    };

    /// <summary>A Modify that changes EraseType replaces the old type's configuration instead of merging over it.</summary>
    private static void DropConfigsOfAnotherEraseType(JsonObject stored, JsonObject changes)
    {
        if (changes["EraseType"] is JsonValue eraseType && eraseType.ToString() != stored["EraseType"]?.ToString())
        {
            stored.Remove("EraseWatermarkConfig");
            stored.Remove("EraseSubtitleConfig");
            stored.Remove("ErasePrivacyConfig");
        }
    }
}
