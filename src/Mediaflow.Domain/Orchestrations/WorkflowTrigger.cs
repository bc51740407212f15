namespace Mediaflow.Domain.Orchestrations;

/// <summary>The upload rule that starts an orchestration (reference/mps-api.md §7).</summary>
public sealed record WorkflowTrigger
{
    public const string CosFileUpload = "CosFileUpload";
    public const string AwsS3FileUpload = "AwsS3FileUpload";

    public string? Type { get; init; }
    public CosFileUploadTrigger? CosFileUploadTrigger { get; init; }

    public AwsS3FileUploadTrigger? AwsS3FileUploadTrigger { get; init; }

    /// <summary>The bucket the trigger watches (a local COS bucket, or an external S3 bucket).</summary>
    public string? WatchedBucket() => Type == AwsS3FileUpload ? AwsS3FileUploadTrigger?.S3Bucket : CosFileUploadTrigger?.Bucket;

    /// <summary>The watched bucket's region (for an external trigger, the key of <c>ExternalS3:Endpoints</c>).</summary>
    public string? WatchedRegion() => Type == AwsS3FileUpload ? AwsS3FileUploadTrigger?.S3Region : CosFileUploadTrigger?.Region;
}

public sealed record CosFileUploadTrigger
{
    public string? Bucket { get; init; }
    public string? Region { get; init; }
    public string? Dir { get; init; }
    public IReadOnlyList<string>? Formats { get; init; }
}
