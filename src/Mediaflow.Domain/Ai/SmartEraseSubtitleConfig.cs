using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// SDK <c>SmartEraseSubtitleConfig</c>: <c>auto</c> (burned-in text lines read by OCR, inside AutoAreas or the lower half
/// of the frame) or <c>custom</c> (CustomAreas over their time ranges); model <c>standard</c> or <c>area</c> (a wider
/// margin around each line). OCR extraction (<c>OcrSwitch</c> ON) and translation are refused.
/// </summary>
public sealed record SmartEraseSubtitleConfig
{
    public string? SubtitleEraseMethod { get; init; }
    public string? SubtitleModel { get; init; }
    public string? OcrSwitch { get; init; }
    public string? SubtitleLang { get; init; }
    public string? SubtitleFormat { get; init; }
    public string? TransSwitch { get; init; }
    public string? TransDstLang { get; init; }
    public IReadOnlyList<EraseArea>? AutoAreas { get; init; }
    public IReadOnlyList<EraseTimeArea>? CustomAreas { get; init; }
    public long? SubtitleEmbedId { get; init; }
    public long? UseOriginalPos { get; init; }
    public long? UseOriginalSize { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}

/// <summary>SDK <c>SmartErasePrivacyConfig</c>: <c>PrivacyModel</c> blur|mosaic over the <c>PrivacyTargets</c> (face; plate refused).</summary>
public sealed record SmartErasePrivacyConfig
{
    public string? PrivacyModel { get; init; }
    public IReadOnlyList<string>? PrivacyTargets { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
