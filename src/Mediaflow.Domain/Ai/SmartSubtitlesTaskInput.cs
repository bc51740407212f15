using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Ai;

/// <summary><c>SmartSubtitlesTaskInput</c> (reference/mps-api.md §10): a template, or <c>Definition</c> 0 with a RawParameter.</summary>
public sealed record SmartSubtitlesTaskInput : INodeTaskInput
{
    public long? Definition { get; init; }
    public string? UserExtPara { get; init; }
    public RawSmartSubtitleParameter? RawParameter { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputObjectPath { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
