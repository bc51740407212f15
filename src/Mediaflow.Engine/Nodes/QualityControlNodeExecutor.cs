using System.Text.Json;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.QualityControl;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.QualityControl;
using Mediaflow.Engine.Tasks;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Quality;
using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Format;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-AIQualityControl</c> (docs/quality-control.md): resolves the template, hands each registered inspector the
/// enabled items it declares (all inspectors run concurrently), measures SSIM/PSNR of the node's input against the task
/// source itself, and merges everything into <c>QualityControlData</c>. It writes no files; its successors get its input
/// (DESIGN §7.4). A TimeSpotCheck strategy restricts the inspection to its windows.
/// </summary>
public sealed class QualityControlNodeExecutor(
    QualityControlCatalog catalog, MediaProber prober, QualityMeter meter, SpotCheckCutter cutter, InputFiles inputs, HlsPlaylistStaging staging) : INodeExecutor
{
    public string ActivityType => ActivityTypes.QualityControl;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(progress);
        var input = execution.Activity.ActivityPara?.QualityControlTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no QualityControlTask");
        var definition = input.Definition ?? 0;
        if (Template(execution, definition) is not { } template)
        {
            return NodeExecutionResult.Failed(MediaErrorCodes.ConfigurationUnsupported,
                $"quality-control preset {definition} is not offered by this server (no item of it is detectable here)", retryable: false);
        }

        var enabled = template.EnabledItems().Select(i => i.Type ?? "").ToList();
        var route = QualityControlRouting.Route(template.EnabledItems(), catalog.Inspectors);
        if (route.Undetectable.Count > 0)
        {
            return NodeExecutionResult.Failed(MediaErrorCodes.ConfigurationUnsupported,
                $"quality-control template {definition} enables items this server does not detect: {string.Join(", ", route.Undetectable)}", retryable: false);
        }

        var playlist = HlsPlaylistInput.IsPlaylist(execution.InputPath);
        if (playlist && (route.FullReference.Count > 0 || route.Inspectors.Any(w => !w.Inspector.ItemTypes.All(QualityControlItemNames.FormatCategory.ContainsKey))))
        {
            return NodeExecutionResult.Failed(MediaErrorCodes.ConfigurationUnsupported,
                $"the input is an HLS playlist: only format items can be inspected on it, and template {definition} enables others", retryable: false);
        }

        try
        {
            if (playlist)
            {
                execution = execution with { InputPath = await StagePlaylistAsync(execution, enabled, cancellationToken) };
            }

            var probe = playlist ? HlsPlaylistInput.Placeholder(execution.InputPath) : await prober.ProbeAsync(execution.InputPath, cancellationToken);
            var windows = template.Strategy?.TimeSpotCheck?.Windows(probe.Duration);
            var tracker = new ProgressShares(progress, route.Inspectors.Count + (route.FullReference.Count > 0 ? 1 : 0));
            var inspections = Task.WhenAll(route.Inspectors.Select((work, i) => InspectAsync(execution, probe, work, windows, tracker.Share(i), cancellationToken)));
            var measuring = MeasureAsync(execution, probe, route.FullReference, windows, cancellationToken);
            await Task.WhenAll(inspections, measuring);
            var reports = (await inspections).SelectMany(r => r).ToList();
            var (fullReference, measureCommands) = await measuring;
            var data = QualityControlDataBuilder.Build(probe.HasAudio, probe.HasVideo, enabled, reports, fullReference);
            return new NodeExecutionResult
            {
                Succeeded = true,
                Output = data,
                StorageMember = "",
                CommandLine = string.Join('\n', reports.Select(r => r.CommandLine).Concat(measureCommands).Where(c => c.Length > 0)),
                LogTail = string.Join('\n', reports.Select(r => r.LogTail).Where(l => l.Length > 0)),
                OutputSeconds = windows is null ? probe.Duration : windows.Sum(w => w.End - w.Start),
                OutputShortSide = probe.Video is { } video ? (int)Math.Min(video.Width, video.Height) : 0,
            };
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }

    /// <summary>
    /// A playlist input under the name the format inspector recognizes (<c>input.m3u8</c>; the stored blob has none). When it
    /// is the task source in our store, the objects it references are staged beside it: a master's media playlists always,
    /// the segments when an HLS segment item is enabled (docs/quality-control-format.md "HLS segments").
    /// </summary>
    private async Task<string> StagePlaylistAsync(NodeExecution execution, IReadOnlyCollection<string> enabled, CancellationToken cancellationToken)
    {
        var segments = enabled.Any(HlsSegmentChecker.Items.Contains);
        if (execution.Source is { } source)
        {
            return await staging.StageAsync(execution.AppId, source, execution.InputPath, segments, Path.Combine(execution.WorkDirectory, "hls"), cancellationToken);
        }

        if (segments)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported,
                "the HLS segment items need the playlist's segments, which are fetched only for a playlist in this server's store");
        }

        var named = Path.Combine(execution.WorkDirectory, "input.m3u8");
        File.Copy(execution.InputPath, named, overwrite: true);
        return named;
    }

    /// <summary>A preset from this build's catalogue, else the custom template the task snapshotted; null for an absent preset.</summary>
    private QualityControlTemplate? Template(NodeExecution execution, long definition)
    {
        if (definition < TemplateType.FirstCustomDefinition)
        {
            return catalog.Family.FindPreset(definition);
        }

        return execution.TemplateSnapshot[ResolvedTemplates.Key(QualityControlTemplateFamily.Name, definition)]?.Deserialize<QualityControlTemplate>(EngineJson.Options)
            ?? throw new InvalidOperationException($"task {execution.TaskId} has no snapshot of QualityControl template {definition}");
    }

    /// <summary>
    /// One inspector over the whole input, or over the spot-check windows: an inspector of format items only reads the
    /// whole file (packet analysis is cheap and a cut would rewrite the packets) and keeps what falls in a window; a
    /// content inspector inspects lossless cuts of the windows, its times moved back onto the input's clock.
    /// </summary>
    private async Task<IReadOnlyList<QcReport>> InspectAsync(
        NodeExecution execution, ProbeResult probe, InspectorWork work, IReadOnlyList<(double Start, double End)>? windows, IProgress<double> progress,
        CancellationToken cancellationToken)
    {
        var directory = Path.Combine(execution.WorkDirectory, "qc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        if (windows is null || work.Inspector.ItemTypes.All(QualityControlItemNames.FormatCategory.ContainsKey))
        {
            var whole = await work.Inspector.InspectAsync(new QcInspection(execution.InputPath, probe, work.Items, directory), progress, cancellationToken);
            return [windows is null ? whole : SpotChecks.Keep(whole, windows)];
        }

        var reports = new List<QcReport>();
        for (var i = 0; i < windows.Count; i++)
        {
            var (start, end) = windows[i];
            var cut = Path.Combine(directory, $"window-{i}.mkv");
            var cutCommand = await cutter.CutAsync(execution.InputPath, probe, start, end, cut, cancellationToken);
            var cutProbe = await prober.ProbeAsync(cut, cancellationToken);
            var windowDirectory = Path.Combine(directory, $"window-{i}");
            Directory.CreateDirectory(windowDirectory);
            var offset = i;
            var report = await work.Inspector.InspectAsync(new QcInspection(cut, cutProbe, work.Items, windowDirectory),
                new Progress<double>(p => progress.Report(((offset * 100.0) + Math.Clamp(p, 0, 100)) / windows.Count)), cancellationToken);
            reports.Add(QualityControlDataBuilder.Shift(report, start) with { CommandLine = cutCommand + "\n" + report.CommandLine });
            File.Delete(cut);
        }

        return reports;
    }

    /// <summary>SSIM/PSNR of the input against the task source scaled to the input's size; nothing when either has no video.</summary>
    private async Task<(FullReferenceResult? Result, IReadOnlyList<string> Commands)> MeasureAsync(
        NodeExecution execution, ProbeResult probe, IReadOnlyList<QcItemRequest> items, IReadOnlyList<(double Start, double End)>? windows,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0 || probe.Video is not { } video)
        {
            return (null, []);
        }

        var source = await inputs.ResolveAsync(execution.SourceBlobId, cancellationToken);
        if (source.Path is not { } sourcePath)
        {
            throw new MediaFailure(MediaErrorCodes.InternalError, $"the task source for SSIM/PSNR: {source.Problem}", source.Retryable);
        }

        var sourceProbe = await prober.ProbeAsync(sourcePath, cancellationToken);
        if (!sourceProbe.HasVideo)
        {
            return (null, []);
        }

        var spans = windows ?? [(0, probe.Duration)];
        if (spans.Count == 0)
        {
            return (null, []); // the spot checks start past the end: nothing was inspected
        }

        var results = new List<(FullReferenceResult Result, double Length)>();
        var commands = new List<string>();
        foreach (var (start, end) in spans)
        {
            var score = await meter.FullReferenceAsync(execution.InputPath, sourcePath, video.Width, video.Height,
                windows is null ? null : TimeSpan.FromSeconds(start), windows is null ? null : TimeSpan.FromSeconds(end - start), cancellationToken);
            commands.Add(score.CommandLine);
            results.Add((QualityControlDataBuilder.FullReference(score.Ssim.All, score.Psnr.Average, items, start, end), end - start));
        }

        var total = results.Sum(r => r.Length);
        double Mean(Func<FullReferenceResult, double> value) => total > 0 ? results.Sum(r => value(r.Result) * r.Length) / total : value(results[0].Result);
        return (new FullReferenceResult(Mean(r => r.Ssim), Mean(r => r.Psnr), [.. results.SelectMany(r => r.Result.Findings)]), commands);
    }
}
