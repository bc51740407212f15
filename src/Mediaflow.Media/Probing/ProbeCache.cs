using System.Collections.Concurrent;

namespace Mediaflow.Media.Probing;

/// <summary>
/// The last source probes, keyed by the file's identity (absolute path, length, last-write and creation times), so the
/// same unchanged file is probed once: the engine probes a task's input when the task starts, and every node that reads
/// it (one per sibling in a fused group) plans from the same facts without spawning ffprobe again (~130 ms each on a
/// stock Debian ffmpeg). Store blobs are never rewritten in place (a new version is a new blob file), and any other
/// rewrite changes the length or the last-write time, so a hit is the file that was probed. Only successful probes are
/// kept; at most <see cref="Capacity"/> entries, the oldest dropped first.
/// </summary>
public sealed class ProbeCache(int capacity)
{
    private readonly ConcurrentDictionary<Identity, Entry> entries = new();
    private long sequence;

    public int Capacity { get; } = capacity;

    public bool TryGet(FileInfo file, out ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Capacity > 0 && entries.TryGetValue(Identity.Of(file), out var entry))
        {
            result = entry.Result;
            return true;
        }

        result = null!;
        return false;
    }

    /// <param name="file">The file as it was stat'ed before the probe ran (its cached length and times are the key).</param>
    public void Add(FileInfo file, ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(result);
        if (Capacity <= 0)
        {
            return;
        }

        entries[Identity.Of(file)] = new Entry(result, Interlocked.Increment(ref sequence));
        if (entries.Count > Capacity)
        {
            foreach (var old in entries.OrderBy(e => e.Value.Sequence).Take(entries.Count - Capacity))
            {
                entries.TryRemove(old);
            }
        }
    }

    private readonly record struct Identity(string Path, long Length, long LastWriteTicks, long CreationTicks)
    {
        public static Identity Of(FileInfo file) => new(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks, file.CreationTimeUtc.Ticks);
    }

    private sealed record Entry(ProbeResult Result, long Sequence);
}
