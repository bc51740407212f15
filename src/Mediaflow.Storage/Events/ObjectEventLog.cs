using Mediaflow.Persistence;
using Mediaflow.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Storage.Events;

/// <summary>Reads the <c>object_events</c> table; waiting is woken in-process by <see cref="EventSignal"/>.</summary>
internal sealed class ObjectEventLog(
    IDbContextFactory<MediaflowDbContext> contexts,
    EventSignal signal,
    StorageOptions options,
    TimeProvider time) : IObjectEventLog
{
    public async Task<IReadOnlyList<ObjectCreatedEvent>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ObjectEvents.AsNoTracking()
            .Where(e => e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToEvent);
    }

    public async Task WaitForEventAfterAsync(long afterSequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = signal.Next;
            if (signal.LastSequence > afterSequence || await LatestSequenceAsync(cancellationToken) > afterSequence)
            {
                return;
            }

            // The signal is the hot path; the bounded timeout only catches commits made by another process.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var fallback = Task.Delay(options.EventPollFallback, time, timeout.Token);
            await Task.WhenAny(next, fallback).WaitAsync(cancellationToken);
            await timeout.CancelAsync();
        }
    }

    private async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ObjectEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
    }

    private static ObjectCreatedEvent ToEvent(ObjectEventRow row) => new(
        row.Sequence,
        row.AppId,
        row.Bucket,
        row.Region,
        row.Key,
        row.BlobId,
        row.ETag,
        row.Size,
        row.CommittedAt,
        row.LineageTaskId is null ? null : new ObjectLineage(row.LineageTaskId, row.LineageScheduleId ?? 0, row.LineageDepth));
}
