using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary><c>AiRecognitionTaskInput</c> (reference/mps-api.md §10): the recognition template; <c>UserExtPara</c> is echoed only.</summary>
public sealed record AiRecognitionTaskInput
{
    public long? Definition { get; init; }

    /// <summary>Opaque user string, kept in the task's Input echo (the spec: "generally not needed").</summary>
    public string? UserExtPara { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
