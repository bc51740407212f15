using System.Text.Json;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>The upload rule that starts an orchestration (reference/mps-api.md §7).</summary>
public sealed record WorkflowTrigger
{
    public const string CosFileUpload = "CosFileUpload";
    public const string AwsS3FileUpload = "AwsS3FileUpload";

    public string? Type { get; init; }
    public CosFileUploadTrigger? CosFileUploadTrigger { get; init; }

    /// <summary>External S3 triggers come with the object-store issue; kept raw so they can be refused by name.</summary>
    public JsonElement? AwsS3FileUploadTrigger { get; init; }
}

public sealed record CosFileUploadTrigger
{
    public string? Bucket { get; init; }
    public string? Region { get; init; }
    public string? Dir { get; init; }
    public IReadOnlyList<string>? Formats { get; init; }
}
