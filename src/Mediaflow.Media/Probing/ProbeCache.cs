using System.Collections.Concurrent;

namespace Mediaflow.Media.Probing;

/// <summary>
/// The last source probes, keyed by the file's identity (absolute path, length, last-write and creation times, and on
/// Linux device, inode and status-change time — <see cref="FileChangeStamp"/>), so the
/// same unchanged file is probed once: the engine probes a task's input when the task starts, and every node that reads
/// it (one per sibling in a fused group) plans from the same facts without spawning ffprobe again (~130 ms each on a
/// stock Debian ffmpeg). Store blobs are never rewritten in place (a new version is a new blob file). Any other rewrite
/// moves the status-change time, which nothing sets back — the length and last-write time alone do not tell: a copy
/// that keeps times (<c>cp -p</c>, <c>rsync -t</c>) or a second write within one tick of the coarse file-system clock
/// leaves both as they were. Left undetected: a rewrite within the same ctime tick as the stat taken before the probe.
/// Only successful probes are kept; at most <see cref="Capacity"/> entries, the oldest dropped first.
/// </summary>
public sealed class ProbeCache(int capacity)
{
    private readonly ConcurrentDictionary<Identity, Entry> entries = new();
    private long sequence;

    public int Capacity { get; } = capacity;

    /// <param name="file">The file as stat'ed now; the key to <see cref="Add"/> the probe under is its identity taken here, before the probe runs.</param>
    public bool TryGet(FileInfo file, out ProbeResult result, out Identity identity)
    {
        ArgumentNullException.ThrowIfNull(file);
        identity = Identity.Of(file);
        if (Capacity > 0 && entries.TryGetValue(identity, out var entry))
        {
            result = entry.Result;
            return true;
        }

        result = null!;
        return false;
    }

    /// <param name="identity">The file's identity as <see cref="TryGet"/> took it before the probe ran.</param>
    public void Add(Identity identity, ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Capacity <= 0)
        {
            return;
        }

        entries[identity] = new Entry(result, Interlocked.Increment(ref sequence));
        if (entries.Count > Capacity)
        {
            foreach (var old in entries.OrderBy(e => e.Value.Sequence).Take(entries.Count - Capacity))
            {
                entries.TryRemove(old);
            }
        }
    }

    /// <summary>What tells one version of a file from another at the same path.</summary>
    public readonly record struct Identity
    {
        private Identity(string path, long length, long lastWriteTicks, long creationTicks, FileChangeStamp.Stamp change) =>
            (Path, Length, LastWriteTicks, CreationTicks, Change) = (path, length, lastWriteTicks, creationTicks, change);

        public string Path { get; }

        public long Length { get; }

        public long LastWriteTicks { get; }

        public long CreationTicks { get; }

        internal FileChangeStamp.Stamp Change { get; }

        public static Identity Of(FileInfo file)
        {
            ArgumentNullException.ThrowIfNull(file);
            return new(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks, file.CreationTimeUtc.Ticks, FileChangeStamp.Of(file.FullName));
        }
    }

    private sealed record Entry(ProbeResult Result, long Sequence);
}
