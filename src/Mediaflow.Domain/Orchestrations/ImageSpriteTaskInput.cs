using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>Sprite sheets and their WebVTT index (reference/mps-api.md §10).</summary>
public sealed record ImageSpriteTaskInput : INodeTaskInput
{
    public long? Definition { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }

    /// <summary>The sheets' path pattern (with <c>{number}</c>).</summary>
    public string? OutputObjectPath { get; init; }

    /// <summary>The WebVTT file's path pattern.</summary>
    public string? WebVttObjectName { get; init; }

    public NumberFormat? ObjectNumberFormat { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
