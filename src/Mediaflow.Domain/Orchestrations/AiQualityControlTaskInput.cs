using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// An inspection node's parameters (reference/mps-api.md §10 AiQualityControlTaskInput): the quality-control template.
/// <c>ChannelExtPara</c> and other members are refused by name (DESIGN §7.5).
/// </summary>
public sealed record AiQualityControlTaskInput
{
    public long? Definition { get; init; }

    public string? ChannelExtPara { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
