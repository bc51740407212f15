using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using Mediaflow.Media.Progress;

namespace Mediaflow.Media.Processes;

/// <summary>
/// Runs ffmpeg and ffprobe: no shell (<c>ArgumentList</c>), stdin closed, stderr drained continuously into a bounded
/// tail, stdout parsed as <c>-progress</c> or captured, a no-progress watchdog and an overall timeout. Stopping
/// (cancellation, watchdog, timeout) sends SIGTERM, waits <see cref="MediaOptions.StopGracePeriod"/>, then kills the
/// whole process tree. Every child is tracked in the <see cref="ChildProcessRegistry"/> until it is gone.
/// </summary>
public sealed class MediaProcessRunner(MediaOptions options, ChildProcessRegistry registry, TimeProvider timeProvider)
{
    /// <summary>
    /// Runs to exit and returns the exit code with the log; throws <see cref="OperationCanceledException"/> on
    /// cancellation (after the process is gone) and a retryable <see cref="MediaFailure"/> (InternalError) when the
    /// watchdog or timeout stopped it or the program could not be started.
    /// </summary>
    public async Task<ProcessRunResult> RunAsync(ProcessRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var commandLine = CommandLine.Format(request.Program, request.Arguments);
        var startInfo = new ProcessStartInfo(request.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw MediaFailure.Internal($"cannot start {request.Program}: {e.Message}", commandLine, innerException: e);
        }

        using var tracking = registry.Track(process);
        request.OnStarted?.Invoke(process.Id);
        process.StandardInput.Close();

        var tail = new BoundedTail(Math.Max(1, options.LogTailLines));
        using var watchdog = new CancellationTokenSource(request.NoProgressTimeout ?? Timeout.InfiniteTimeSpan, timeProvider);
        using var deadline = new CancellationTokenSource(request.Timeout ?? Timeout.InfiniteTimeSpan, timeProvider);
        // A line callback that throws stops the child: its output would no longer be handled, and the output itself
        // keeps the watchdog from ever firing.
        using var callbackFailed = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token, deadline.Token, callbackFailed.Token);

        var stderr = DrainAsync(process.StandardError, line =>
        {
            tail.Add(line);
            request.OnStandardErrorLine?.Invoke(line);
        }, callbackFailed);
        var stdout = new StringBuilder();
        var truncated = false;
        Task stdoutPump;
        if (request.StandardOutputIsProgress)
        {
            var parser = new FfmpegProgressParser();
            FfmpegProgress? last = null;
            stdoutPump = DrainAsync(process.StandardOutput, line =>
            {
                if (parser.Feed(line) is not { } block)
                {
                    return;
                }

                if (request.NoProgressTimeout is { } limit && block.AdvancedSince(last))
                {
                    // Resets the countdown (CancelAfter on a not-yet-cancelled source restarts its timer).
                    TryResetWatchdog(watchdog, limit);
                }

                last = block;
                request.OnProgress?.Invoke(block);
            }, callbackFailed);
        }
        else if (request.OnStandardOutputLine is { } onLine)
        {
            stdoutPump = DrainAsync(process.StandardOutput, onLine, callbackFailed);
        }
        else
        {
            stdoutPump = DrainAsync(process.StandardOutput, line =>
            {
                // Once a line did not fit, nothing more is kept: the captured output stays a prefix of the real one.
                if (truncated || stdout.Length + line.Length + 1 > request.MaxStandardOutputChars)
                {
                    truncated = true;
                    return;
                }

                stdout.Append(line).Append('\n');
            }, callbackFailed);
        }

        using var exited = new CancellationTokenSource();
        var busyWatch = request.NoProgressTimeout is { } busyLimit ? WatchBusyAsync(process, watchdog, busyLimit, exited.Token) : Task.CompletedTask;
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            await exited.CancelAsync();
            await busyWatch;
            await StopAsync(process);
            try
            {
                await PipesClosedAsync(stdoutPump, stderr, request, commandLine, tail);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // The caller's cancellation is the answer, not what a callback or the pipes did meanwhile.
            }

            cancellationToken.ThrowIfCancellationRequested(); // else a callback's exception came out of the pipes above
            var why = watchdog.IsCancellationRequested
                ? $"no progress for {request.NoProgressTimeout!.Value.TotalSeconds:0.#} s: stopped by the watchdog"
                : $"did not finish within {request.Timeout!.Value.TotalSeconds:0.#} s: stopped";
            throw MediaFailure.Internal($"{Path.GetFileName(request.Program)} {why}", commandLine, tail.Snapshot());
        }

        await exited.CancelAsync();
        await busyWatch;
        await PipesClosedAsync(stdoutPump, stderr, request, commandLine, tail);
        return new ProcessRunResult
        {
            ExitCode = process.ExitCode,
            StandardOutput = stdout.ToString(),
            StandardOutputTruncated = truncated,
            LogTail = tail.Snapshot(),
            CommandLine = commandLine,
        };
    }

    /// <summary>
    /// Also counts CPU use as progress, checked four times per watchdog period: ffmpeg prints no progress while it
    /// flushes its encoders at the end, and in a multi-output run the reported counters stand still once the fast outputs
    /// are done, so a slow encoder still at work (seen: x265 at 720p60 beside a 160p rung, under load) looked stalled.
    /// </summary>
    private async Task WatchBusyAsync(Process process, CancellationTokenSource watchdog, TimeSpan limit, CancellationToken exited)
    {
        var cpuAtReset = TimeSpan.Zero;
        try
        {
            while (true)
            {
                await Task.Delay(limit / 4, timeProvider, exited);
                if (BusySince(process, ref cpuAtReset))
                {
                    TryResetWatchdog(watchdog, limit);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the process exited or was stopped
        }
    }

    /// <summary>CPU ffmpeg must burn between checks to count as working when its counters stand still.</summary>
    private static readonly TimeSpan BusyCpu = TimeSpan.FromSeconds(1);

    /// <summary>
    /// True when the process used <see cref="BusyCpu"/> of CPU since the last such answer; a process stalled on its input
    /// burns next to nothing.
    /// </summary>
    private static bool BusySince(Process process, ref TimeSpan cpuAtReset)
    {
        try
        {
            var used = process.TotalProcessorTime;
            if (used - cpuAtReset < BusyCpu)
            {
                return false;
            }

            cpuAtReset = used;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // exited meanwhile
        }
    }

    private static void TryResetWatchdog(CancellationTokenSource watchdog, TimeSpan limit)
    {
        try
        {
            watchdog.CancelAfter(limit);
        }
        catch (ObjectDisposedException)
        {
            // The run already ended.
        }
    }

    /// <summary>
    /// Waits for both readers to reach the end of their pipes (rethrowing a line callback's exception). After the process
    /// exited that takes as long as handling the last pipe-full of lines, unless something the program started in the
    /// background inherited the pipes and still holds them: then the run fails (retryable) instead of waiting for it, and
    /// the two reader threads end when it does.
    /// </summary>
    private async Task PipesClosedAsync(Task stdoutPump, Task stderr, ProcessRunRequest request, string commandLine, BoundedTail tail)
    {
        var pumps = Task.WhenAll(stdoutPump, stderr);
        try
        {
            await pumps.WaitAsync(options.PipesCloseTimeout, timeProvider);
        }
        catch (TimeoutException)
        {
            _ = pumps.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed when they end
            throw MediaFailure.Internal(
                $"{Path.GetFileName(request.Program)} exited, but its output was still open {options.PipesCloseTimeout.TotalSeconds:0.#} s later (something it started holds it)",
                commandLine, tail.Snapshot());
        }
    }

    /// <summary>SIGTERM (ffmpeg finalizes and exits), then after the grace period a kill of the whole tree.</summary>
    private async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        if (NativeSignals.TryTerminate(process.Id))
        {
            using var grace = new CancellationTokenSource(options.StopGracePeriod, timeProvider);
            try
            {
                await process.WaitForExitAsync(grace.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // Did not exit in time: kill below.
            }
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        await process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>
    /// Reads lines until end of stream with blocking reads on a thread of its own. ffmpeg writes each stderr line with its
    /// own write, so an async read completed once per line, and on Unix a pipe's async read goes through the socket
    /// engine (epoll thread → thread-pool work item → next receive): replaying a QC content pass's stderr one write per
    /// line every 0.2 ms cost this process ≈ 260 µs of CPU a line that way (mostly the pool's workers spinning between
    /// lines: 84 µs with <c>DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0</c>), against ≈ 23 µs with this blocking read
    /// (load ≈ 8), mostly the kernel's wake-up of the reading thread. The stream ends when the process and everything that inherited the pipe are gone, as before;
    /// the callback's first exception cancels <paramref name="callbackFailed"/> (the run stops the child) and faults the
    /// returned task.
    /// </summary>
    private static Task DrainAsync(StreamReader reader, Action<string> onLine, CancellationTokenSource callbackFailed) =>
        Task.Factory.StartNew(
            () =>
            {
                // After a callback throws, the rest is still read (and dropped) so the child never blocks on a full pipe.
                Exception? failure = null;
                while (reader.ReadLine() is { } line)
                {
                    if (failure is not null)
                    {
                        continue;
                    }

                    try
                    {
                        onLine(line);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        failure = e;
                        try
                        {
                            callbackFailed.Cancel();
                        }
                        catch (ObjectDisposedException)
                        {
                            // The run already gave up on this pipe (PipesClosedAsync).
                        }
                    }
                }

                if (failure is not null)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
