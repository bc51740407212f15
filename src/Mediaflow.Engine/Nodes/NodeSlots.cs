namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The node concurrency cap of this process (default: one per core) and the order in which waiting nodes get a slot:
/// higher <c>TasksPriority</c> first, then first come first served. Wolverine delivers RunNode messages to more
/// handlers than there are slots; the handlers queue here, so priority decides which FFmpeg starts next.
/// </summary>
public sealed class NodeSlots
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<TaskCompletionSource<Slot>, (int, long)> _waiting = new();
    private int _free;
    private long _arrivals;

    public NodeSlots(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _free = Math.Max(1, options.NodeConcurrency);
    }

    public async Task<Slot> AcquireAsync(int priority, CancellationToken cancellationToken)
    {
        TaskCompletionSource<Slot> waiter;
        lock (_gate)
        {
            if (_free > 0 && _waiting.Count == 0)
            {
                _free--;
                return new Slot(this);
            }

            waiter = new TaskCompletionSource<Slot>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter, (-priority, _arrivals++));
        }

        await using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return await waiter.Task;
    }

    private void Release()
    {
        lock (_gate)
        {
            while (_waiting.TryDequeue(out var next, out _))
            {
                if (next.TrySetResult(new Slot(this)))
                {
                    return; // the slot passes to the next waiter
                }
            }

            _free++;
        }
    }

    /// <summary>A held slot; dispose to pass it on.</summary>
    public sealed class Slot(NodeSlots owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
