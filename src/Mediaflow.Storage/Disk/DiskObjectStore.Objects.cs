using System.IO.Pipelines;
using System.Security.Cryptography;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Storage;
using Mediaflow.Storage.Objects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Win32.SafeHandles;

namespace Mediaflow.Storage.Disk;

internal sealed partial class DiskObjectStore
{
    /// <summary>
    /// Streams <paramref name="body"/> into a new blob, then commits the object row and its event in one transaction.
    /// The caller answers 200 only after this returns: an acknowledged upload is durable and has exactly one event.
    /// </summary>
    internal Task<ObjectVersion> PutObjectAsync(long appId, string bucket, string key, Stream body, ObjectWrite write, CancellationToken cancellationToken)
        => ThroughPipeAsync(body, reader => PutObjectAsync(appId, bucket, key, reader, write, cancellationToken));

    /// <inheritdoc cref="PutObjectAsync(long, string, string, Stream, ObjectWrite, CancellationToken)"/>
    internal async Task<ObjectVersion> PutObjectAsync(long appId, string bucket, string key, PipeReader body, ObjectWrite write, CancellationToken cancellationToken)
    {
        ObjectKeys.Validate(key);
        ObjectMetadata.Validate(write.Metadata);
        await RequireBucketAsync(appId, bucket, cancellationToken);
        var blob = await writer.WriteAsync(body, write.ExpectedSize, cancellationToken);
        try
        {
            if (write.ContentMd5 is { } md5 && !CryptographicOperations.FixedTimeEquals(md5, blob.Md5))
            {
                throw new StorageException(StorageErrorCode.BadDigest);
            }

            return await CommitQueuedAsync(new QueuedPut(appId, bucket, key, blob.BlobId, blob.Md5Hex, blob.Size, write));
        }
        catch
        {
            BlobFiles.TryDelete(blob.Path);
            throw;
        }
    }

    internal async Task<ObjectVersion> GetObjectAsync(long appId, string bucket, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await ResolveBucketAsync(db, appId, bucket, cancellationToken);
        var row = await db.Objects.AsNoTracking().SingleOrDefaultAsync(o => o.Bucket == bucket && o.Key == key, cancellationToken)
            ?? throw new StorageException(StorageErrorCode.NoSuchKey);
        return ToVersion(row, owner.Region);
    }

    /// <summary>
    /// Commits <paramref name="target"/> as a new version sharing the source's blob (blobs are immutable, so no bytes are
    /// copied). The caller has checked the copy-source conditions against <paramref name="source"/>.
    /// </summary>
    internal async Task<ObjectVersion> CopyObjectAsync(long appId, ObjectVersion source, string bucket, string key, ObjectWrite target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ObjectKeys.Validate(key);
        ObjectMetadata.Validate(target.Metadata);
        return await CommitAsync(appId, bucket, key, source.BlobId, source.ETag, source.Size, target, null, cancellationToken);
    }

    /// <summary>Opens the blob of a version for reading; the blob is immutable, so an overwrite mid-read changes nothing.</summary>
    internal SafeFileHandle OpenBlob(ObjectVersion version) =>
        File.OpenHandle(files.PathOf(version.BlobId), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Removes the key; idempotent. The blob is queued for the collector (a running task may still read it).</summary>
    internal Task DeleteObjectAsync(long appId, string bucket, string key, CancellationToken cancellationToken) =>
        DeleteObjectsAsync(appId, bucket, [key], cancellationToken);

    /// <summary>Removes every listed key in one transaction (DeleteObjects); missing keys count as deleted, as in S3.</summary>
    internal async Task DeleteObjectsAsync(long appId, string bucket, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await commitLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ResolveBucketAsync(db, appId, bucket, cancellationToken);
            foreach (var batch in keys.Distinct(StringComparer.Ordinal).Chunk(200))
            {
                var rows = await db.Objects.Where(o => o.Bucket == bucket && batch.Contains(o.Key)).ToListAsync(cancellationToken);
                db.Objects.RemoveRange(rows);
                await QueueGarbageAsync(db, rows.Select(r => r.BlobId), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            commitLock.Release();
        }
    }

    private async Task<ObjectVersion> CommitAsync(
        long appId, string bucket, string key, string blobId, string etag, long size, ObjectWrite write, string? completedUploadId, CancellationToken cancellationToken)
    {
        var now = Now();
        ObjectEventRow evt;
        ObjectRow row;
        string region;
        await commitLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            region = (await ResolveBucketAsync(db, appId, bucket, cancellationToken)).Region;
            if (completedUploadId is not null)
            {
                // The upload's rows go in the same transaction as the object: a crash leaves either the upload or the object.
                await db.MultipartParts.Where(p => p.UploadId == completedUploadId).ExecuteDeleteAsync(cancellationToken);
                if (await db.MultipartUploads.Where(u => u.UploadId == completedUploadId).ExecuteDeleteAsync(cancellationToken) == 0)
                {
                    throw new StorageException(StorageErrorCode.NoSuchUpload);
                }
            }

            (row, evt) = await StageAsync(db, [], appId, bucket, region, key, blobId, etag, size, write, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            commitLock.Release();
        }

        signal.Publish(evt.Sequence);
        return ToVersion(row, region);
    }

    /// <summary>
    /// Adds (or updates) the key's row and its event to <paramref name="db"/>'s unit of work; the old blob, if any, is
    /// queued as garbage. <paramref name="staged"/> holds the rows staged earlier in the same transaction (a group commit
    /// may carry two PUTs of one key: the later one wins, as if they had committed one after the other).
    /// </summary>
    private async Task<(ObjectRow Row, ObjectEventRow Event)> StageAsync(
        MediaflowDbContext db, Dictionary<(string Bucket, string Key), ObjectRow> staged, long appId, string bucket, string region, string key,
        string blobId, string etag, long size, ObjectWrite write, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contentType = string.IsNullOrEmpty(write.ContentType) ? ContentTypeMap.ForName(key) : write.ContentType;
        var row = staged.GetValueOrDefault((bucket, key))
            ?? await FindObjectRow(db, bucket, key)
            ?? db.Objects.Add(new ObjectRow { AppId = appId, Bucket = bucket, Key = key, BlobId = blobId, ETag = etag, ContentType = contentType }).Entity;
        staged[(bucket, key)] = row;
        if (row.BlobId != blobId)
        {
            await QueueGarbageAsync(db, [row.BlobId], cancellationToken);
        }

        row.BlobId = blobId;
        row.ETag = etag;
        row.Size = size;
        row.ContentType = contentType;
        row.MetadataJson = ObjectMetadata.ToJson(write.Metadata);
        row.HeadersJson = ObjectHeaders.ToJson(write.StandardHeaders);
        row.LastModified = now;
        row.LineageTaskId = write.Lineage?.TaskId;
        row.LineageScheduleId = write.Lineage?.ScheduleId;
        row.LineageDepth = write.Lineage?.Depth ?? 0;
        var evt = db.ObjectEvents.Add(new ObjectEventRow
        {
            AppId = appId, Bucket = bucket, Region = region, Key = key, BlobId = blobId, ETag = etag, Size = size, CommittedAt = now,
            LineageTaskId = row.LineageTaskId, LineageScheduleId = row.LineageScheduleId, LineageDepth = row.LineageDepth,
        }).Entity;
        return (row, evt);
    }

    /// <summary>Queues blobs that a change in this transaction stopped referencing; the collector re-checks references.</summary>
    private async Task QueueGarbageAsync(MediaflowDbContext db, IEnumerable<string> blobIds, CancellationToken cancellationToken)
    {
        var ids = blobIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var queued = await db.BlobGarbage.Where(g => ids.Contains(g.BlobId)).Select(g => g.BlobId).ToListAsync(cancellationToken);
        var at = time.GetUtcNow();
        foreach (var id in ids.Except(queued, StringComparer.Ordinal))
        {
            if (db.BlobGarbage.Local.All(g => g.BlobId != id))
            {
                db.BlobGarbage.Add(new BlobGarbageRow { BlobId = id, UnreferencedAt = at });
            }
        }
    }
}
