using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mediaflow.Media.Processes;

/// <summary>
/// Every ffmpeg/ffprobe child this process started and that is still running. Host shutdown calls
/// <see cref="KillAll"/> (or disposes the singleton) so no child outlives the server.
/// </summary>
public sealed class ChildProcessRegistry : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<int, Process> running = new();

    /// <summary>Process ids of the children still running.</summary>
    public IReadOnlyCollection<int> RunningProcessIds => [.. running.Keys];

    internal IDisposable Track(Process process)
    {
        var pid = process.Id;
        running[pid] = process;
        return new Registration(this, pid);
    }

    /// <summary>Kills every tracked child and its descendants at once (no graceful stop: the host is going away).</summary>
    public int KillAll()
    {
        var killed = 0;
        foreach (var (pid, process) in running)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }
            catch (InvalidOperationException)
            {
                // Already exited between the snapshot and the kill.
            }

            running.TryRemove(pid, out _);
        }

        return killed;
    }

    public void Dispose() => KillAll();

    public ValueTask DisposeAsync()
    {
        KillAll();
        return ValueTask.CompletedTask;
    }

    private sealed class Registration(ChildProcessRegistry owner, int pid) : IDisposable
    {
        public void Dispose() => owner.running.TryRemove(pid, out _);
    }
}
