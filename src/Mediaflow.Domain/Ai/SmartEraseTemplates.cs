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
}
