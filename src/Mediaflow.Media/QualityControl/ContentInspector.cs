using Mediaflow.Media.Jobs;
using Mediaflow.Media.Processes;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.QualityControl;

/// <summary>
/// The content pass: every picture and sound content detector of one input in one ffmpeg decode (the graph is
/// <see cref="ContentGraph"/>, the rules <see cref="ContentAnalysis"/>), and the sampled gray frames handed to the
/// registered <see cref="IFrameDetector"/>s (QR/bar codes, no-reference scoring) from the same decode.
/// </summary>
public sealed partial class ContentInspector : IQualityInspector
{
    private readonly MediaOptions options;
    private readonly MediaProcessRunner runner;
    private readonly IReadOnlyList<IFrameDetector> frameDetectors;

    public ContentInspector(MediaOptions options, MediaProcessRunner runner, IEnumerable<IFrameDetector> frameDetectors)
    {
        ArgumentNullException.ThrowIfNull(frameDetectors);
        this.options = options;
        this.runner = runner;
        this.frameDetectors = [.. frameDetectors];
        ItemTypes = ContentItem.All.Keys.Concat(this.frameDetectors.SelectMany(d => d.ItemTypes)).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlySet<string> ItemTypes { get; }

    public Task<QcReport> InspectAsync(QcInspection inspection, IProgress<double> progress, CancellationToken cancellationToken) =>
        InspectCoreAsync(inspection, progress, null, cancellationToken);

    private async Task<QcReport> InspectCoreAsync(QcInspection inspection, IProgress<double> progress, DetectorCpu? cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var settings = ItemSettings.Resolve(inspection.Items);
        var detectors = frameDetectors
            .Select(d => (Detector: d, Items: inspection.Items.Where(i => d.ItemTypes.Contains(i.Type)).ToList()))
            .Where(d => d.Items.Count > 0)
            .ToList();
        var probe = inspection.Probe;
        var motionWanted = detectors.Any(d => d.Detector.Feed == FrameFeed.Motion) && probe.HasVideo;

        // The native feed has its own window only on sources wider than the sampled copy; otherwise it is the sampled feed.
        var nativeWindow = detectors.Any(d => d.Detector.Feed == FrameFeed.Native) && probe.HasVideo
            ? ContentGraph.NativeWindow(probe.Video?.Width ?? 0, probe.Video?.Height ?? 0)
            : null;
        var framesWanted = detectors.Any(d => d.Detector.Feed == FrameFeed.Sampled || (d.Detector.Feed == FrameFeed.Native && nativeWindow is null)) && probe.HasVideo;
        Directory.CreateDirectory(inspection.WorkDirectory);
        using var pipe = framesWanted ? FramePipe.Create(Path.Combine(inspection.WorkDirectory, $"qc-frames-{Guid.NewGuid():N}.gray")) : null;
        using var motionPipe = motionWanted ? FramePipe.Create(Path.Combine(inspection.WorkDirectory, $"qc-motion-{Guid.NewGuid():N}.gray")) : null;
        using var nativePipe = nativeWindow is not null ? FramePipe.Create(Path.Combine(inspection.WorkDirectory, $"qc-native-{Guid.NewGuid():N}.gray")) : null;
        var graph = ContentGraph.Build(inspection.InputPath, probe, settings, pipe?.Path, options, motionPipe?.Path, nativePipe?.Path);
        if (graph.Job.Outputs.Count == 0)
        {
            return new QcReport();
        }

        var runs = new List<NamedRun>();
        var motionRuns = new List<NamedRun>();
        var nativeRuns = new List<NamedRun>();
        try
        {
            foreach (var (detector, items) in detectors.Where(_ => probe.HasVideo))
            {
                var (feedRuns, width, height) = detector.Feed switch
                {
                    FrameFeed.Motion => (motionRuns, graph.MotionFrameWidth, graph.MotionFrameHeight),
                    FrameFeed.Native when nativePipe is not null => (nativeRuns, graph.NativeFrameWidth, graph.NativeFrameHeight),
                    _ => (runs, graph.FrameWidth, graph.FrameHeight),
                };
                feedRuns.Add(new NamedRun(DetectorCpu.NameOf(detector), detector.Start(inspection with { Items = items }, width, height)));
            }

            var feeds = new List<FrameFeedReader>();
            if (pipe is not null)
            {
                feeds.Add(new FrameFeedReader(pipe, graph.FrameWidth * graph.FrameHeight, graph.VideoStep, runs, cost));
            }

            if (motionPipe is not null)
            {
                feeds.Add(new FrameFeedReader(motionPipe, graph.MotionFrameWidth * graph.MotionFrameHeight, graph.MotionStep, motionRuns, cost) { StretchStudioRange = graph.MotionStudioRange });
            }

            if (nativePipe is not null)
            {
                feeds.Add(new FrameFeedReader(nativePipe, graph.NativeFrameWidth * graph.NativeFrameHeight, graph.VideoStep, nativeRuns, cost));
            }

            var (measurements, run) = await RunAsync(graph, probe, feeds, progress, cancellationToken);
            var findings = ContentAnalysis.Analyze(measurements, settings).ToList();
            var diagnoses = new List<QcDiagnosis>();
            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            if (AudioScore.Evaluate(measurements, settings) is { } audioScore)
            {
                scores["AudioEvaluationScore"] = audioScore.Score;
                findings.AddRange(audioScore.Findings);
            }

            foreach (var detectorRun in runs.Concat(motionRuns).Concat(nativeRuns))
            {
                var report = detectorRun.Run.Complete();
                findings.AddRange(report.Findings);
                diagnoses.AddRange(report.Diagnoses);
                foreach (var (name, value) in report.Scores)
                {
                    scores[name] = value;
                }
            }

            return new QcReport
            {
                Findings = [.. findings.OrderBy(f => f.StartTime).ThenBy(f => f.Type, StringComparer.Ordinal)],
                Diagnoses = diagnoses,
                Scores = scores,
                CommandLine = run.CommandLine,
                LogTail = string.Join('\n', run.LogTail),
            };
        }
        finally
        {
            foreach (var detectorRun in runs.Concat(motionRuns).Concat(nativeRuns))
            {
                detectorRun.Run.Dispose();
            }
        }
    }
}
