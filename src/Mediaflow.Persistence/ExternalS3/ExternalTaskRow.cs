namespace Mediaflow.Persistence.ExternalS3;

/// <summary>
/// The external side of a task started by an AwsS3FileUpload trigger: the source version it pinned (bucket, key,
/// ETag) with the trigger's key pair, and the external output bucket when the orchestration writes to AWS-S3.
/// </summary>
public sealed class ExternalTaskRow
{
    public string TaskId { get; set; } = "";
    public string SourceRegion { get; set; } = "";
    public string SourceBucket { get; set; } = "";
    public string SourceKey { get; set; } = "";
    public string SourceETag { get; set; } = "";
    public string SourceSecretId { get; set; } = "";
    public string SourceSecretKey { get; set; } = "";
    public string? OutputRegion { get; set; }
    public string? OutputBucket { get; set; }
    public string? OutputSecretId { get; set; }
    public string? OutputSecretKey { get; set; }
}
