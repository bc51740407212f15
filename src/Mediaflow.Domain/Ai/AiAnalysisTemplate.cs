using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// AI analysis template (reference/mps-api.md §13.9, SDK <c>AIAnalysisTemplateItem</c>): the four spec switches plus our
/// extensions for the analyses the spec enables by <c>ExtendedParameter</c> only (docs/media-ai-analysis.md).
/// </summary>
public sealed record AiAnalysisTemplate : IStoredTemplate<AiAnalysisTemplate>
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;

    /// <summary>Needs a configured ONNX model (<c>Ai:Models:Classification</c>).</summary>
    public AiSwitch? ClassificationConfigure { get; init; }

    /// <summary>Tags: keywords from the text OCR reads and ASR hears (docs/media-ai-analysis.md).</summary>
    public AiSwitch? TagConfigure { get; init; }

    /// <summary>Cover selection.</summary>
    public AiSwitch? CoverConfigure { get; init; }

    /// <summary>Needs a configured ONNX model (<c>Ai:Models:FrameTag</c>).</summary>
    public AiSwitch? FrameTagConfigure { get; init; }

    /// <summary>Extension: shot/segment recognition (<c>SegmentTask</c>).</summary>
    public AiSwitch? MfSegmentConfigure { get; init; }

    /// <summary>Extension: highlight segments (<c>HighlightTask</c>).</summary>
    public AiSwitch? MfHighlightConfigure { get; init; }

    /// <summary>Extension: head/tail detection (<c>HeadTailTask</c>).</summary>
    public AiSwitch? MfHeadTailConfigure { get; init; }

    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>Members of newer SDK models this build does not implement: refused by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }

    public AiAnalysisTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
