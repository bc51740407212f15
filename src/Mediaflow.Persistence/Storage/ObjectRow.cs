namespace Mediaflow.Persistence.Storage;

/// <summary>The current version of one key. Its bytes live in the blob file named by <see cref="BlobId"/>.</summary>
public sealed class ObjectRow
{
    public long Id { get; set; }

    public long AppId { get; set; }

    public required string Bucket { get; set; }

    public required string Key { get; set; }

    public required string BlobId { get; set; }

    public required string ETag { get; set; }

    public long Size { get; set; }

    public required string ContentType { get; set; }

    /// <summary>User metadata (<c>x-amz-meta-*</c> without the prefix) as a JSON object, or null.</summary>
    public string? MetadataJson { get; set; }

    public DateTimeOffset LastModified { get; set; }

    /// <summary>Content-Encoding, Content-Disposition, Cache-Control, Content-Language, Expires as a JSON object, or null.</summary>
    public string? HeadersJson { get; set; }

    public string? LineageTaskId { get; set; }

    public long? LineageScheduleId { get; set; }

    public int LineageDepth { get; set; }
}
