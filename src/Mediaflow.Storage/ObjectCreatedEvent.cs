namespace Mediaflow.Storage;

/// <summary>
/// A committed "object created" event as the trigger matcher reads it from the event log. <see cref="Sequence"/> is
/// strictly increasing; the matcher keeps a checkpoint and re-reads from it after a crash.
/// </summary>
public sealed record ObjectCreatedEvent(
    long Sequence,
    long AppId,
    string Bucket,
    string Region,
    string Key,
    string BlobId,
    string ETag,
    long Size,
    DateTimeOffset CommittedAt,
    ObjectLineage? Lineage);
