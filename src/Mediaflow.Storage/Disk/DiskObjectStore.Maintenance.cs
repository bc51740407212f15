using Mediaflow.Persistence;
using Mediaflow.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Storage.Disk;

/// <summary>
/// Housekeeping, run by <c>Hosting/StoreMaintenance</c>: multipart expiry, the blob collector, and the recovery scan
/// at start. Every "now" comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class DiskObjectStore
{
    private const int MaintenanceBatch = 500;

    /// <summary>Removes uploads initiated more than <see cref="StorageOptions.MultipartExpiry"/> ago, with their parts.</summary>
    internal async Task<int> ExpireUploadsAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.MultipartExpiry;
        var expired = 0;
        while (true)
        {
            List<MultipartPartRow> parts;
            await commitLock.WaitAsync(cancellationToken);
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var ids = await db.MultipartUploads.Where(u => u.InitiatedAt < cutoff).OrderBy(u => u.InitiatedAt)
                    .Select(u => u.UploadId).Take(MaintenanceBatch).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    return expired;
                }

                parts = await db.MultipartParts.Where(p => ids.Contains(p.UploadId)).ToListAsync(cancellationToken);
                await db.MultipartParts.Where(p => ids.Contains(p.UploadId)).ExecuteDeleteAsync(cancellationToken);
                expired += await db.MultipartUploads.Where(u => ids.Contains(u.UploadId)).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                commitLock.Release();
            }

            foreach (var part in parts)
            {
                BlobFiles.TryDelete(files.PathOf(part.BlobId));
            }
        }
    }

    /// <summary>
    /// Deletes the files of queued blobs that have been unreferenced for <see cref="StorageOptions.BlobGracePeriod"/>.
    /// Under the commit lock each one is re-checked: a blob an object or part references again (CopyObject shares
    /// blobs) leaves the queue and stays; one that is the input of an unfinished task stays queued until the task ends.
    /// </summary>
    internal async Task<int> CollectGarbageAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.BlobGracePeriod;
        var collected = 0;
        string? after = null;
        while (true)
        {
            await commitLock.WaitAsync(cancellationToken);
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var due = db.BlobGarbage.Where(g => g.UnreferencedAt <= cutoff);
                if (after is not null)
                {
                    due = due.Where(g => string.Compare(g.BlobId, after) > 0);
                }

                var batch = await due.OrderBy(g => g.BlobId).Take(MaintenanceBatch).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    return collected;
                }

                after = batch[^1].BlobId;
                var ids = batch.ConvertAll(g => g.BlobId);
                var referenced = (await db.Objects.Where(o => ids.Contains(o.BlobId)).Select(o => o.BlobId).ToListAsync(cancellationToken))
                    .Concat(await db.MultipartParts.Where(p => ids.Contains(p.BlobId)).Select(p => p.BlobId).ToListAsync(cancellationToken))
                    .ToHashSet(StringComparer.Ordinal);
                var inUse = (await db.Tasks.Where(t => ids.Contains(t.InputBlobId) && t.FinishTime == null).Select(t => t.InputBlobId).ToListAsync(cancellationToken))
                    .ToHashSet(StringComparer.Ordinal);
                foreach (var row in batch)
                {
                    if (inUse.Contains(row.BlobId))
                    {
                        continue;
                    }

                    if (!referenced.Contains(row.BlobId))
                    {
                        BlobFiles.TryDelete(files.PathOf(row.BlobId));
                        collected++;
                    }

                    db.BlobGarbage.Remove(row);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                commitLock.Release();
            }
        }
    }

    /// <summary>
    /// The recovery scan at start: blob files no row references (a crash between rename and commit, or between a
    /// commit and the deletion of finished parts) are queued for the collector, so they go after the grace period.
    /// </summary>
    internal async Task<int> QueueOrphanBlobsAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var chunk in files.EnumerateBlobIds().Chunk(MaintenanceBatch))
        {
            await commitLock.WaitAsync(cancellationToken);
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var ids = chunk.ToList();
                var known = (await db.Objects.Where(o => ids.Contains(o.BlobId)).Select(o => o.BlobId).ToListAsync(cancellationToken))
                    .Concat(await db.MultipartParts.Where(p => ids.Contains(p.BlobId)).Select(p => p.BlobId).ToListAsync(cancellationToken))
                    .ToHashSet(StringComparer.Ordinal);
                var orphans = ids.Where(id => !known.Contains(id)).ToList();
                await QueueGarbageAsync(db, orphans, cancellationToken);
                queued += db.ChangeTracker.Entries<BlobGarbageRow>().Count();
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                commitLock.Release();
            }
        }

        return queued;
    }
}
