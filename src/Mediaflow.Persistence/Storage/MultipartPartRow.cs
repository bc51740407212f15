namespace Mediaflow.Persistence.Storage;

/// <summary>One uploaded part; a re-upload of the same part number replaces the row.</summary>
public sealed class MultipartPartRow
{
    public long Id { get; set; }

    public long AppId { get; set; }

    public required string UploadId { get; set; }

    public int PartNumber { get; set; }

    public required string BlobId { get; set; }

    /// <summary>Hex MD5 of the part, without quotes.</summary>
    public required string ETag { get; set; }

    public long Size { get; set; }

    public DateTimeOffset LastModified { get; set; }
}
