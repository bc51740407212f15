using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Ai;

/// <summary><c>SmartEraseTaskInput</c> (reference/mps-api.md §10): a template, or <c>Definition</c> 0 with a RawParameter.</summary>
public sealed record SmartEraseTaskInput : INodeTaskInput
{
    public long? Definition { get; init; }
    public RawSmartEraseParameter? RawParameter { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputObjectPath { get; init; }

    /// <summary>OverrideParameter …: refused by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}

/// <summary>SDK <c>RawSmartEraseParameter</c> (SubtitleEmbedId, UseOriginalPos, UseOriginalSize: refused by name).</summary>
public sealed record RawSmartEraseParameter
{
    public string? EraseType { get; init; }
    public SmartEraseWatermarkConfig? EraseWatermarkConfig { get; init; }
    public SmartEraseSubtitleConfig? EraseSubtitleConfig { get; init; }
    public SmartErasePrivacyConfig? ErasePrivacyConfig { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
