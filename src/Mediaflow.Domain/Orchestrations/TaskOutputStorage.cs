namespace Mediaflow.Domain.Orchestrations;

/// <summary>Where outputs go (reference/mps-api.md §8). Missing members inherit from the level above.</summary>
public sealed record TaskOutputStorage
{
    public const string Cos = "COS";
    public const string AwsS3 = "AWS-S3";

    public string? Type { get; init; }
    public CosOutputStorage? CosOutputStorage { get; init; }
    public S3OutputStorage? S3OutputStorage { get; init; }
}

public sealed record CosOutputStorage
{
    public string? Bucket { get; init; }
    public string? Region { get; init; }
}
