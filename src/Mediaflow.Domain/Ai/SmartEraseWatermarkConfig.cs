using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary>SDK <c>SmartEraseWatermarkConfig</c>: <c>auto</c> (detect static overlays, within AutoAreas when given) or <c>custom</c> (CustomAreas).</summary>
public sealed record SmartEraseWatermarkConfig
{
    public string? WatermarkEraseMethod { get; init; }
    public string? WatermarkModel { get; init; }
    public IReadOnlyList<EraseArea>? AutoAreas { get; init; }
    public IReadOnlyList<EraseTimeArea>? CustomAreas { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
