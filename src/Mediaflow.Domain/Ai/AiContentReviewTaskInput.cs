using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary><c>AiContentReviewTaskInput</c> (reference/mps-api.md §10): the content-review template.</summary>
public sealed record AiContentReviewTaskInput
{
    public long? Definition { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
