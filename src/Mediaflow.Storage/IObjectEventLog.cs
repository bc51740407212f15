namespace Mediaflow.Storage;

/// <summary>The durable log of committed uploads that drives triggers.</summary>
public interface IObjectEventLog
{
    /// <summary>Events with a sequence greater than <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<ObjectCreatedEvent>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Completes (at least once) after an event with a sequence greater than <paramref name="afterSequence"/> is committed, or when cancelled.</summary>
    Task WaitForEventAfterAsync(long afterSequence, CancellationToken cancellationToken);
}
