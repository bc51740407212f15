using System.ComponentModel;
using System.Diagnostics;
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
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token, deadline.Token);

        var stderr = DrainAsync(process.StandardError, line =>
        {
            tail.Add(line);
            request.OnStandardErrorLine?.Invoke(line);
        });
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
            });
        }
        else
        {
            stdoutPump = DrainAsync(process.StandardOutput, line =>
            {
                if (stdout.Length + line.Length + 1 > request.MaxStandardOutputChars)
                {
                    truncated = true;
                    return;
                }

                stdout.Append(line).Append('\n');
            });
        }

        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process);
            await Task.WhenAll(stdoutPump, stderr);
            cancellationToken.ThrowIfCancellationRequested();
            var why = watchdog.IsCancellationRequested
                ? $"no progress for {request.NoProgressTimeout!.Value.TotalSeconds:0.#} s: stopped by the watchdog"
                : $"did not finish within {request.Timeout!.Value.TotalSeconds:0.#} s: stopped";
            throw MediaFailure.Internal($"{Path.GetFileName(request.Program)} {why}", commandLine, tail.Snapshot());
        }

        await Task.WhenAll(stdoutPump, stderr);
        return new ProcessRunResult
        {
            ExitCode = process.ExitCode,
            StandardOutput = stdout.ToString(),
            StandardOutputTruncated = truncated,
            LogTail = tail.Snapshot(),
            CommandLine = commandLine,
        };
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

    private static async Task DrainAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            onLine(line);
        }
    }
}
