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
    /// samples are kept), the gray frames of each feed are read from its pipe on their own thread. A frame detector
    /// that throws stops the run; its exception is rethrown after ffmpeg is gone.
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
        var reading = Task.WhenAll(feeds.Select(feed => Task.Factory.StartNew(
            () =>
            {
                try
                {
                    feed.Pipe.ReadFrames(feed.FrameBytes, (index, gray) =>
                    {
                        if (Volatile.Read(ref detectorFailure) is not null)
                        {
                            return; // keep draining so ffmpeg is never blocked on a full pipe
                        }

                        try
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
                        catch (Exception e) when (e is not OutOfMemoryException)
                        {
                            Interlocked.CompareExchange(ref detectorFailure, e, null);
                            stop.Cancel();
                        }
                    });
                }
                catch (IOException e)
                {
                    Interlocked.CompareExchange(ref detectorFailure, e, null);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

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

    private static void CloseWriters(IReadOnlyList<FrameFeedReader> feeds)
    {
        foreach (var feed in feeds)
        {
            feed.Pipe.CloseWriter();
        }
    }
}
