namespace Mediaflow.Persistence.Storage;

/// <summary>An "object created" event, appended in the same transaction as the object row it describes.</summary>
public sealed class ObjectEventRow
{
    /// <summary>Autoincrement; strictly increasing in commit order (the store serializes its commits).</summary>
    public long Sequence { get; set; }

    public long AppId { get; set; }

    public required string Bucket { get; set; }

    public required string Region { get; set; }

    public required string Key { get; set; }

    public required string BlobId { get; set; }

    public required string ETag { get; set; }

    public long Size { get; set; }

    public DateTimeOffset CommittedAt { get; set; }

    public string? LineageTaskId { get; set; }

    public long? LineageScheduleId { get; set; }

    public int LineageDepth { get; set; }
}
