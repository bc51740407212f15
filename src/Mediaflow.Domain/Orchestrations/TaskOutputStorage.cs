using System.Text.Json;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>Where outputs go (reference/mps-api.md §8). Missing members inherit from the level above.</summary>
public sealed record TaskOutputStorage
{
    public string? Type { get; init; }
    public CosOutputStorage? CosOutputStorage { get; init; }
    public JsonElement? S3OutputStorage { get; init; }
}

public sealed record CosOutputStorage
{
    public string? Bucket { get; init; }
    public string? Region { get; init; }
}
