using System.Text.Json;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// Uploads into a bucket of an external S3-compatible service (reference/mps-api.md §7, DESIGN §7.7). The endpoint
/// comes from server configuration <c>ExternalS3:Endpoints:&lt;S3Region&gt;</c>; the key pair is the trigger's own.
/// New objects arrive through the S3 event intake and the periodic list reconciliation, not through SQS.
/// </summary>
public sealed record AwsS3FileUploadTrigger
{
    public string? S3Bucket { get; init; }
    public string? S3Region { get; init; }
    public string? Dir { get; init; }
    public IReadOnlyList<string>? Formats { get; init; }
    public string? S3SecretId { get; init; }

    /// <summary>Write-only: DescribeSchedules answers <c>"***"</c>.</summary>
    public string? S3SecretKey { get; init; }

    /// <summary>SQS delivery is not implemented (events come by webhook); kept raw so it can be refused by name.</summary>
    public JsonElement? AwsSQS { get; init; }
}
