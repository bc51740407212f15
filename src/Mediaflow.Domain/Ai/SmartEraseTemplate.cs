using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>Smart erase template (reference/mps-api.md §13.9, SDK <c>SmartEraseTemplateItem</c>); watermark, subtitle and privacy (face) erasing (docs/media-ai-analysis.md).</summary>
public sealed record SmartEraseTemplate : IStoredTemplate<SmartEraseTemplate>
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public string EraseType { get; init; } = "";
    public SmartEraseWatermarkConfig? EraseWatermarkConfig { get; init; }
    public SmartEraseSubtitleConfig? EraseSubtitleConfig { get; init; }
    public SmartErasePrivacyConfig? ErasePrivacyConfig { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>AliasName …: refused by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }

    public SmartEraseTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
