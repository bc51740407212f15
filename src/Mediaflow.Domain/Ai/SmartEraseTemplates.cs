using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>The smart erase template family (<c>Create/Modify/Delete/DescribeSmartEraseTemplates</c>); preset <c>10</c> (ours) = automatic watermark erase.</summary>
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
        ],
    };
}
