namespace Mediaflow.Domain.Orchestrations;

/// <summary>Outputs written to a bucket of an external S3-compatible service (<c>TaskOutputStorage.Type = "AWS-S3"</c>).</summary>
public sealed record S3OutputStorage
{
    public string? S3Bucket { get; init; }
    public string? S3Region { get; init; }
    public string? S3SecretId { get; init; }

    /// <summary>Write-only: DescribeSchedules answers <c>"***"</c>.</summary>
    public string? S3SecretKey { get; init; }
}
