namespace Mediaflow.Storage;

/// <summary>
/// The narrow seam the engine uses to read task inputs and commit node outputs. The S3/COS HTTP surface sits on the
/// same store; the engine never goes through HTTP.
/// </summary>
public interface IObjectStore
{
    /// <summary>The object's current version, or null when the bucket or key does not exist (or belongs to another account).</summary>
    Task<StoredObjectInfo?> HeadAsync(long appId, string bucket, string key, CancellationToken cancellationToken);

    /// <summary>
    /// A local file path holding exactly the bytes of that version. Tasks read inputs by blob id, so an overwrite of the
    /// key mid-task changes nothing for them. Null when the blob has been collected.
    /// </summary>
    Task<string?> GetBlobPathAsync(string blobId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes an object from a finished local file (moved or copied into the store, fsynced) and commits its row and
    /// its "object created" event in one transaction. The lineage lets the trigger matcher skip the orchestration that
    /// produced it.
    /// </summary>
    Task<StoredObjectInfo> PutFileAsync(PutFileRequest request, CancellationToken cancellationToken);
}

/// <summary>One version of an object.</summary>
public sealed record StoredObjectInfo(
    long AppId,
    string Bucket,
    string Region,
    string Key,
    string BlobId,
    string ETag,
    long Size,
    string ContentType,
    DateTimeOffset LastModified);

public sealed record PutFileRequest(
    long AppId,
    string Bucket,
    string Key,
    string SourcePath,
    string ContentType,
    ObjectLineage? Lineage);

/// <summary>Which task wrote an object; depth counts task generations (an upload is 0).</summary>
public sealed record ObjectLineage(string TaskId, long ScheduleId, int Depth);
