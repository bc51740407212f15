using System.Diagnostics;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Processes;

public sealed class MediaProcessRunnerTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new(new MediaOptions { StopGracePeriod = TimeSpan.FromSeconds(1) });

    [Fact]
    public async Task RunAsync_InputThatNeverDelivers_WatchdogKillsWithRetryableInternalError()
    {
        var fifo = dir.File("stalled.mp4");
        await MakeFifoAsync(fifo);
        var arguments = FfmpegArgumentRenderer.Render(new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = fifo }],
            Outputs = [new FfmpegOutput { Path = dir.File("out.mp4"), Video = new VideoEncoding { Encoder = "libx264" }, Muxer = new Mp4Muxer() }],
        });
        var pid = 0;

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => media.Runner.RunAsync(
            new ProcessRunRequest
            {
                Program = "ffmpeg",
                Arguments = arguments,
                StandardOutputIsProgress = true,
                NoProgressTimeout = TimeSpan.FromSeconds(1),
                OnStarted = p => pid = p,
            },
            CancellationToken.None));

        Assert.Equal(MediaErrorCodes.InternalError, failure.ErrCodeExt);
        Assert.True(failure.Retryable);
        Assert.Contains("watchdog", failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("ffmpeg -hide_banner -nostdin", failure.CommandLine, StringComparison.Ordinal);
        Assert.False(IsAlive(pid));
        Assert.Empty(media.Registry.RunningProcessIds);
    }

    [Fact]
    public async Task RunAsync_Cancelled_NoFfmpegLeftBehind()
    {
        using var cts = new CancellationTokenSource();
        var pid = 0;
        var request = new ProcessRunRequest
        {
            Program = "ffmpeg",
            // An endless realtime source: only cancellation ends it.
            Arguments = ["-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:1", "-re", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10", "-f", "null", "-"],
            StandardOutputIsProgress = true,
            OnStarted = p => pid = p,
            OnProgress = _ => cts.Cancel(),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => media.Runner.RunAsync(request, cts.Token));

        Assert.NotEqual(0, pid);
        Assert.False(IsAlive(pid));
        Assert.Empty(media.Registry.RunningProcessIds);
    }

    [Fact]
    public async Task KillAll_RunningChild_IsKilled()
    {
        var started = new TaskCompletionSource<int>();
        var run = media.Runner.RunAsync(
            new ProcessRunRequest
            {
                Program = "ffmpeg",
                Arguments = ["-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:1", "-re", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10", "-f", "null", "-"],
                StandardOutputIsProgress = true,
                OnStarted = p => started.TrySetResult(p),
            },
            CancellationToken.None);
        var pid = await started.Task;

        Assert.Contains(pid, media.Registry.RunningProcessIds);
        Assert.Equal(1, media.Registry.KillAll());

        var result = await run;
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(IsAlive(pid));
    }

    [Fact]
    public async Task RunAsync_MissingProgram_RetryableInternalError()
    {
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => media.Runner.RunAsync(
            new ProcessRunRequest { Program = "/nonexistent/ffmpeg", Arguments = ["-version"] }, CancellationToken.None));
        Assert.Equal(MediaErrorCodes.InternalError, failure.ErrCodeExt);
        Assert.True(failure.Retryable);
    }

    [Fact]
    public async Task RunAsync_ManyLinesOnBothStreams_EveryLineInOrderAndTheTailIsTheLast()
    {
        // Both streams at once, many small writes (as ffmpeg's stderr): each reader gets every line, in order.
        var errors = new List<string>();
        var outputs = new List<string>();

        var result = await media.Runner.RunAsync(
            new ProcessRunRequest
            {
                Program = "sh",
                Arguments = ["-c", "seq 1 20000 >&2 & seq 1 7000; wait; echo 'last line' >&2; exit 3"],
                OnStandardErrorLine = errors.Add,
                OnStandardOutputLine = outputs.Add,
            },
            CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal([.. Enumerable.Range(1, 20000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), "last line"], errors);
        Assert.Equal(Enumerable.Range(1, 7000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), outputs);
        Assert.Equal("last line", result.LogTail[^1]);
        Assert.Equal("20000", result.LogTail[^2]);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_StandardOutputOverTheLimit_CapturedUpToItAndFlaggedTruncated()
    {
        var result = await media.Runner.RunAsync(
            new ProcessRunRequest { Program = "sh", Arguments = ["-c", "seq 1 1000"], MaxStandardOutputChars = 20 },
            CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1\n2\n3\n4\n5\n6\n7\n8\n9\n", result.StandardOutput);
        Assert.True(result.StandardOutputTruncated);
    }

    [Fact]
    public async Task RunAsync_LineCallbackThrows_ChildStoppedThenTheExceptionComesOut()
    {
        // The child would loop until the test's cancellation (which would surface as a cancellation, not the callback's
        // exception); its TERM trap leaves a mark, so the mark says the runner stopped it (given time to run the trap).
        await using var patientStop = new MediaServices(new MediaOptions { StopGracePeriod = TimeSpan.FromSeconds(15) });
        var terminated = dir.File("terminated");
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var pid = 0;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => patientStop.Runner.RunAsync(
            new ProcessRunRequest
            {
                Program = "sh",
                Arguments = ["-c", $"trap 'touch \"$0\"; exit 1' TERM; echo boom >&2; {Loop}", terminated],
                OnStarted = p => pid = p,
                OnStandardErrorLine = line => throw new InvalidOperationException(line),
            },
            patience.Token));

        Assert.Equal("boom", failure.Message);
        Assert.True(File.Exists(terminated));
        Assert.False(IsAlive(pid));
        Assert.Empty(patientStop.Registry.RunningProcessIds);
    }

    [Fact]
    public async Task RunAsync_LineCallbackThrowsThenMuchMoreOutputOnStop_StillDrainedSoTheChildExitsOnItsOwn()
    {
        // On SIGTERM the child writes ~290 KB (as ffmpeg writes its summary when it finalizes): far more than a pipe holds,
        // so an undrained stderr would block it until the grace period's kill, before it got to write its last file. The
        // grace period is long, so a loaded machine finishing the writes slowly is not mistaken for that.
        await using var patientStop = new MediaServices(new MediaOptions { StopGracePeriod = TimeSpan.FromSeconds(15) });
        var finished = dir.File("finished");
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => patientStop.Runner.RunAsync(
            new ProcessRunRequest
            {
                Program = "sh",
                Arguments = ["-c", $"trap 'seq 1 50000 >&2; touch \"$0\"; exit 1' TERM; echo boom >&2; {Loop}", finished],
                OnStandardErrorLine = line => throw new InvalidOperationException(line),
            },
            patience.Token));

        Assert.Equal("boom", failure.Message);
        Assert.True(File.Exists(finished));
        Assert.Empty(patientStop.Registry.RunningProcessIds);
    }

    [Fact]
    public async Task RunAsync_ExitedButABackgroundChildHoldsTheOutput_RetryableFailureAfterThePipeTimeout()
    {
        await using var impatient = new MediaServices(new MediaOptions { PipesCloseTimeout = TimeSpan.FromSeconds(1) });
        var started = 0;

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => impatient.Runner.RunAsync(
            new ProcessRunRequest { Program = "sh", Arguments = ["-c", "sleep 5 & echo started"], OnStandardOutputLine = _ => started++ },
            CancellationToken.None));

        Assert.Equal(1, started);
        Assert.True(failure.Retryable);
        Assert.Contains("output was still open 1 s later", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The children's loop: sleeps whose output goes nowhere, so only the shell holds the runner's pipes.</summary>
    private const string Loop = "while :; do sleep 0.1 >/dev/null 2>&1; done";

    [Fact]
    public void CommandLine_QuotesForDisplay() =>
        Assert.Equal("ffmpeg -i '/tmp/a b.mp4' -vf 'scale=w=2:h=2;x' 'it'\\''s'", CommandLine.Format("ffmpeg", ["-i", "/tmp/a b.mp4", "-vf", "scale=w=2:h=2;x", "it's"]));

    private static bool IsAlive(int pid) => pid != 0 && Directory.Exists($"/proc/{pid}");

    private static async Task MakeFifoAsync(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
