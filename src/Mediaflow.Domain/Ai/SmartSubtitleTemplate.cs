using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>Smart subtitle template (reference/mps-api.md §13.9, SDK <c>SmartSubtitleTemplateItem</c>; docs/media-ai-subtitles.md).</summary>
public sealed record SmartSubtitleTemplate : IStoredTemplate<SmartSubtitleTemplate>, ISmartSubtitleParameters
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public string? VideoSrcLanguage { get; init; }
    public long? SubtitleType { get; init; }
    public string? SubtitleFormat { get; init; }
    public string? TranslateSwitch { get; init; }
    public string? TranslateDstLanguage { get; init; }
    public long? ProcessType { get; init; }
    public AsrHotWordsConfigure? AsrHotWordsConfigure { get; init; }
    public JsonElement? SelectingSubtitleAreasConfig { get; init; }
    public long? SubtitleEmbedId { get; init; }
    public long? SpeakerMode { get; init; }
    public long? SpeakerLabel { get; init; }

    /// <summary>The name of the hot-word library <see cref="AsrHotWordsConfigure"/> names: output only (Describe fills it; ignored on input).</summary>
    public string? AsrHotWordsLibraryName { get; init; }

    /// <summary>The preset's alias (presets only).</summary>
    public string? AliasName { get; init; }

    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>Unknown members: refused by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }

    public SmartSubtitleTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, AliasName = null, AsrHotWordsLibraryName = null, CreateTime = createTime, UpdateTime = updateTime };
}
