namespace Mediaflow.Storage.Events;

/// <summary>
/// In-process wake-up for event-log waiters: every commit publishes its sequence and completes the current
/// <see cref="TaskCompletionSource"/>, which is swapped for a fresh one. Waiters grab the source before checking the
/// database, so a commit between the check and the await still wakes them.
/// </summary>
internal sealed class EventSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource current = NewSource();
    private long lastSequence;

    public long LastSequence => Interlocked.Read(ref lastSequence);

    public Task Next
    {
        get
        {
            lock (gate)
            {
                return current.Task;
            }
        }
    }

    public void Publish(long sequence)
    {
        TaskCompletionSource fired;
        lock (gate)
        {
            if (sequence > lastSequence)
            {
                Interlocked.Exchange(ref lastSequence, sequence);
            }

            fired = current;
            current = NewSource();
        }

        fired.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
