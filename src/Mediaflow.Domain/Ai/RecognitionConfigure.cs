using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// The OCR/ASR/translate switches of an AI recognition template (<c>OcrFullTextConfigureInfo</c>, <c>OcrWordsConfigureInfo</c>,
/// <c>AsrFullTextConfigureInfo</c>, <c>AsrWordsConfigureInfo</c>, <c>TranslateConfigureInfo</c>): one shape holding the union
/// of their members; the rules refuse a member on a switch that has no such member.
/// </summary>
public sealed record RecognitionConfigure
{
    public string Switch { get; init; } = AiSwitch.Off;

    /// <summary>Words switches: labels of the keyword library to match.</summary>
    public IReadOnlyList<string>? LabelSet { get; init; }

    /// <summary>ASR full text / translate: <c>vtt</c> or <c>srt</c> subtitle file.</summary>
    public string? SubtitleFormat { get; init; }

    public string? SourceLanguage { get; init; }
    public string? DestinationLanguage { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
