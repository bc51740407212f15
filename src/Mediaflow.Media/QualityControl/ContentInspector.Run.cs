using System.Buffers;
using System.Collections.Concurrent;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.QualityControl;

public sealed partial class ContentInspector
{
    /// <summary>
    /// One gray frame feed: its pipe, the bytes of a frame, the time between frames, the detector runs it feeds, where
    /// their thread CPU is counted (null: not measured); with <see cref="StretchStudioRange"/> each frame is stretched
    /// from studio to full range first (<see cref="StudioRange"/>).
    /// </summary>
    private sealed record FrameFeedReader(FramePipe Pipe, int FrameBytes, double Step, IReadOnlyList<NamedRun> Runs, DetectorCpu? Cost)
    {
        public bool StretchStudioRange { get; init; }
    }

    /// <summary>
    /// Runs the graph: stderr's print lines go through <see cref="MetadataPrintParser"/> as they come (only the typed
    /// samples are kept), the gray frames of each feed are read from its pipe and handed to its detectors
    /// (<see cref="FeedAsync"/>). A frame detector that throws stops the run; its exception is rethrown after ffmpeg is
    /// gone.
    /// </summary>
    private async Task<(ContentMeasurements Measurements, ProcessRunResult Run)> RunAsync(
        ContentGraph graph, ProbeResult probe, IReadOnlyList<FrameFeedReader> feeds, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var video = new List<VideoSample>();
        var audio = new List<AudioSample>();
        var gate = new Lock();
        var parser = new MetadataPrintParser(frame =>
        {
            if (frame.Audio)
            {
                audio.Add(AudioSample.From(frame));
            }
            else
            {
                video.Add(VideoSample.From(frame));
            }
        });
        var damage = new DecodeDamageParser();
        var log = new BoundedTail(Math.Max(1, options.LogTailLines));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? detectorFailure = null;
        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref detectorFailure, e, null);
            stop.Cancel();
        }

        var reading = Task.WhenAll(feeds.Select(feed => FeedAsync(feed, () => Volatile.Read(ref detectorFailure) is not null || stop.IsCancellationRequested, Fail)));

        var expected = TimeSpan.FromSeconds(Math.Max(0, probe.Duration));
        ProcessRunResult run;
        try
        {
            run = await runner.RunAsync(
                new ProcessRunRequest
                {
                    Program = options.FfmpegPath,
                    Arguments = FfmpegArgumentRenderer.Render(graph.Job),
                    StandardOutputIsProgress = true,
                    NoProgressTimeout = options.NoProgressTimeout,
                    OnProgress = block => progress.Report(block.PercentOf(expected)),
                    OnStandardErrorLine = line =>
                    {
                        lock (gate)
                        {
                            parser.Feed(line);
                            var trace = graph.Job.DebugTimestamps && damage.Feed(line);
                            if (!trace && !line.StartsWith("[Parsed_metadata_", StringComparison.Ordinal) && !line.StartsWith("[Parsed_ametadata_", StringComparison.Ordinal))
                            {
                                log.Add(line);
                            }
                        }
                    },
                },
                stop.Token);
        }
        catch (OperationCanceledException) when (detectorFailure is not null && !cancellationToken.IsCancellationRequested)
        {
            CloseWriters(feeds);
            await reading;
            throw MediaFailure.Internal($"a frame detector failed: {detectorFailure.Message}", innerException: detectorFailure);
        }
        finally
        {
            CloseWriters(feeds);
            await reading;
        }

        if (detectorFailure is not null)
        {
            throw MediaFailure.Internal($"a frame detector failed: {detectorFailure.Message}", run.CommandLine, innerException: detectorFailure);
        }

        if (run.ExitCode != 0)
        {
            var (code, retryable, message) = FfmpegFailureClassifier.Classify(run.ExitCode, log.Snapshot());
            throw new MediaFailure(code, message, retryable, run.CommandLine, log.Snapshot());
        }

        lock (gate)
        {
            parser.Complete();
            var width = (int)(probe.Video?.Width ?? 0);
            var height = (int)(probe.Video?.Height ?? 0);
            var measurements = new ContentMeasurements([.. video], [.. audio.Where(a => a.Flatness is null)], graph.VideoStep, width, height, probe.Duration)
            {
                Spectral = [.. audio.Where(a => a.Flatness is not null)],
                Damage = damage.Complete(),
            };
            return (measurements, run with { LogTail = log.Snapshot() });
        }
    }

    /// <summary>How many frames of a feed may wait between its pipe and its detectors.</summary>
    private const int HandOffDepth = 4;

    /// <summary>
    /// One feed on two threads: the reader copies each frame from the pipe into a pooled buffer and hands it on through
    /// a bounded queue (<see cref="HandOffDepth"/> frames), so ffmpeg goes on writing while the detectors work on the
    /// frames before; the detectors' thread stretches the frame if asked and runs the detectors on it in time order,
    /// counting their thread CPU when the feed has a <see cref="DetectorCpu"/>. Once <paramref name="stopped"/> (a
    /// detector threw, or the run is cancelled) frames are still read and dropped, so ffmpeg never blocks on a full pipe.
    /// </summary>
    private static async Task FeedAsync(FrameFeedReader feed, Func<bool> stopped, Action<Exception> fail)
    {
        var frames = new BlockingCollection<(long Index, byte[] Buffer)>(HandOffDepth);
        var read = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    feed.Pipe.ReadFrames(feed.FrameBytes, (index, gray) =>
                    {
                        if (stopped())
                        {
                            return; // keep draining so ffmpeg is never blocked on a full pipe
                        }

                        var buffer = ArrayPool<byte>.Shared.Rent(feed.FrameBytes);
                        gray.CopyTo(buffer);
                        frames.Add((index, buffer));
                    });
                }
                catch (IOException e)
                {
                    fail(e);
                }
                finally
                {
                    frames.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        var detect = Task.Factory.StartNew(
            () =>
            {
                foreach (var (index, buffer) in frames.GetConsumingEnumerable())
                {
                    try
                    {
                        if (!stopped())
                        {
                            Detect(feed, index, buffer.AsSpan(0, feed.FrameBytes));
                        }
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        fail(e);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            await Task.WhenAll(read, detect);
        }
        finally
        {
            frames.Dispose();
        }
    }

    private static void Detect(FrameFeedReader feed, long index, Span<byte> gray)
    {
        if (feed.StretchStudioRange)
        {
            StudioRange.StretchToFull(gray);
        }

        foreach (var detectorRun in feed.Runs)
        {
            var before = feed.Cost is null ? 0 : ThreadCpuNanoseconds();
            detectorRun.Run.OnFrame(Math.Round(index * feed.Step, 3), gray);
            feed.Cost?.Add(detectorRun.Name, ThreadCpuNanoseconds() - before);
        }
    }

    private static void CloseWriters(IReadOnlyList<FrameFeedReader> feeds)
    {
        foreach (var feed in feeds)
        {
            feed.Pipe.CloseWriter();
        }
    }
}
