using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// The subtitle settings a SmartSubtitle template and a <c>RawSmartSubtitleParameter</c> share (SDK
/// <c>CreateSmartSubtitleTemplateRequest</c> / <c>RawSmartSubtitleParameter</c>); members this server cannot honour are
/// kept only to be refused by name (docs/media-ai-subtitles.md).
/// </summary>
public interface ISmartSubtitleParameters
{
    string? VideoSrcLanguage { get; }
    long? SubtitleType { get; }
    string? SubtitleFormat { get; }
    string? TranslateSwitch { get; }
    string? TranslateDstLanguage { get; }
    long? ProcessType { get; }
    AsrHotWordsConfigure? AsrHotWordsConfigure { get; }
    JsonElement? SelectingSubtitleAreasConfig { get; }
    long? SubtitleEmbedId { get; }
    long? SpeakerMode { get; }
    long? SpeakerLabel { get; }
    Dictionary<string, JsonElement>? NotYetSupported { get; }
}

/// <summary>SDK <c>RawSmartSubtitleParameter</c> (a node's <c>Definition</c> 0).</summary>
public sealed record RawSmartSubtitleParameter : ISmartSubtitleParameters
{
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

    /// <summary>ExtInfo …: refused by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
