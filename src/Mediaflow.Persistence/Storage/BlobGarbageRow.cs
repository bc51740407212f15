namespace Mediaflow.Persistence.Storage;

/// <summary>
/// A blob that nothing referenced when it was queued. The collector deletes its file once <see cref="UnreferencedAt"/>
/// is older than the grace period and it is still unreferenced (a CopyObject may share a blob between keys).
/// </summary>
public sealed class BlobGarbageRow
{
    public required string BlobId { get; set; }

    public DateTimeOffset UnreferencedAt { get; set; }
}
