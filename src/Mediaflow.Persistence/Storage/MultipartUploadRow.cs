namespace Mediaflow.Persistence.Storage;

/// <summary>A multipart upload in progress; deleted when it is completed or aborted.</summary>
public sealed class MultipartUploadRow
{
    public required string UploadId { get; set; }

    public long AppId { get; set; }

    public required string Bucket { get; set; }

    public required string Key { get; set; }

    public required string ContentType { get; set; }

    public string? MetadataJson { get; set; }

    public DateTimeOffset InitiatedAt { get; set; }

    /// <summary>Content-Encoding, Content-Disposition, Cache-Control, Content-Language, Expires as a JSON object, or null.</summary>
    public string? HeadersJson { get; set; }
}
