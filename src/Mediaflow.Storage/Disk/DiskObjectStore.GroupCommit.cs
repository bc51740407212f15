using Mediaflow.Persistence;
using Mediaflow.Persistence.Storage;
using Mediaflow.Storage.Objects;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Storage.Disk;

/// <summary>
/// Group commit of PutObject rows. Each PUT writes, fsyncs and renames its own blob (and fsyncs the directory) in
/// parallel with the others, then queues its row here. One committer at a time takes everything queued so far and
/// commits it as ONE transaction (one WAL fsync for the group instead of one per object), under the commit lock that
/// serializes every object commit, so event sequences stay in commit order. Each PUT is answered only after the
/// transaction holding its row has committed: an acknowledged upload is as durable as with one transaction per object.
/// A lone PUT is a group of one, committed on its own thread; under concurrency the group is whatever arrived while
/// the previous group was committing, so nothing ever waits on a timer.
/// </summary>
internal sealed partial class DiskObjectStore
{
    private readonly Lock queuedGate = new();
    private List<QueuedPut> queuedPuts = [];
    private bool draining;

    private async Task<ObjectVersion> CommitQueuedAsync(QueuedPut put)
    {
        bool lead;
        lock (queuedGate)
        {
            queuedPuts.Add(put);
            lead = !draining;
            draining = true;
        }

        if (lead)
        {
            // The first PUT of a burst commits the first group (its own row among them) on its own thread, so a lone PUT
            // costs no thread hop; PUTs that queued meanwhile are drained by a pool thread while this one is answered.
            await CommitGroupAsync(TakeGroupOrStop()!);
            bool more;
            lock (queuedGate)
            {
                more = queuedPuts.Count > 0;
                draining = more;
            }

            if (more)
            {
                _ = Task.Run(DrainQueuedPutsAsync);
            }
        }

        return await put.Done.Task;
    }

    private async Task DrainQueuedPutsAsync()
    {
        while (TakeGroupOrStop() is { } group)
        {
            await CommitGroupAsync(group);
        }
    }

    /// <summary>Everything queued, or null (and draining ends) when the queue is empty.</summary>
    private List<QueuedPut>? TakeGroupOrStop()
    {
        lock (queuedGate)
        {
            if (queuedPuts.Count == 0)
            {
                draining = false;
                return null;
            }

            var group = queuedPuts;
            queuedPuts = [];
            return group;
        }
    }

    /// <summary>
    /// Commits one group; never throws. A PUT whose bucket is gone (or another account's) fails alone; a failure of the
    /// transaction fails the whole group (nothing of it committed) and each PUT deletes its own blob.
    /// </summary>
    private async Task CommitGroupAsync(List<QueuedPut> group)
    {
        var committed = new List<(QueuedPut Put, ObjectVersion Version, ObjectEventRow Event)>(group.Count);
        try
        {
            // Once queued, a row is committed even if its client has gone: the commit is short, and S3 too may keep
            // an upload whose response never reached the client.
            await commitLock.WaitAsync(CancellationToken.None);
            try
            {
                await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                var regions = new Dictionary<string, BucketRow?>(StringComparer.Ordinal);
                var staged = new Dictionary<(string Bucket, string Key), ObjectRow>();
                var now = Now();
                foreach (var put in group)
                {
                    if (!regions.TryGetValue(put.Bucket, out var bucketRow))
                    {
                        bucketRow = await FindBucketRow(db, put.Bucket);
                        regions[put.Bucket] = bucketRow;
                    }

                    if (bucketRow is null || bucketRow.AppId != put.AppId)
                    {
                        put.Done.TrySetException(new StorageException(bucketRow is null ? StorageErrorCode.NoSuchBucket : StorageErrorCode.AccessDenied));
                        continue;
                    }

                    var (row, evt) = await StageAsync(db, staged, put.AppId, put.Bucket, bucketRow.Region, put.Key, put.BlobId, put.ETag, put.Size, put.Write, now, CancellationToken.None);
                    committed.Add((put, ToVersion(row, bucketRow.Region), evt));
                }

                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }
            finally
            {
                commitLock.Release();
            }
        }
        catch (Exception error)
        {
            foreach (var put in group)
            {
                put.Done.TrySetException(error);
            }

            return;
        }

        if (committed.Count > 0)
        {
            signal.Publish(committed.Max(c => c.Event.Sequence));
        }

        foreach (var (put, version, _) in committed)
        {
            put.Done.TrySetResult(version);
        }
    }

    /// <summary>A written blob whose row waits for the next group commit.</summary>
    private sealed record QueuedPut(long AppId, string Bucket, string Key, string BlobId, string ETag, long Size, ObjectWrite Write)
    {
        public TaskCompletionSource<ObjectVersion> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
