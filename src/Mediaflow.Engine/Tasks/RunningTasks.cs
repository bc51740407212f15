using System.Collections.Concurrent;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// The tasks with nodes running in this process, so ManageTask Abort can stop their FFmpeg processes at once.
/// (Abort itself is a state change in the database; this only makes the running work notice it immediately.)
/// </summary>
public sealed class RunningTasks
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A lease whose token is cancelled when the task is aborted; dispose it when the node's work ends.</summary>
    public Lease Enter(string taskId)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(taskId, _ => new Entry());
            lock (entry)
            {
                if (entry.Closed)
                {
                    continue;
                }

                entry.Users++;
                return new Lease(this, taskId, entry);
            }
        }
    }

    public void Abort(string taskId)
    {
        if (_entries.TryGetValue(taskId, out var entry))
        {
            entry.Source.Cancel();
        }
    }

    private void Leave(string taskId, Entry entry)
    {
        lock (entry)
        {
            if (--entry.Users > 0)
            {
                return;
            }

            entry.Closed = true;
            _entries.TryRemove(new KeyValuePair<string, Entry>(taskId, entry));
        }

        entry.Source.Dispose();
    }

    public sealed class Lease : IDisposable
    {
        private readonly RunningTasks _owner;
        private readonly string _taskId;
        private readonly Entry _entry;
        private int _disposed;

        internal Lease(RunningTasks owner, string taskId, Entry entry)
        {
            _owner = owner;
            _taskId = taskId;
            _entry = entry;
        }

        public CancellationToken AbortToken => _entry.Source.Token;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _owner.Leave(_taskId, _entry);
            }
        }
    }

    internal sealed class Entry
    {
        public CancellationTokenSource Source { get; } = new();
        public int Users { get; set; }
        public bool Closed { get; set; }
    }
}
