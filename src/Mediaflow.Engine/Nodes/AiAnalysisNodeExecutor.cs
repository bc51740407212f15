using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Media;
using Mediaflow.Media.Ai.Analysis;
using Mediaflow.Media.Ai.Models;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-AIAnalysis</c> (docs/media-ai-analysis.md): one analysis pass over the input, then one entry per switched-on
/// analysis in <c>Output</c> (an <c>AiAnalysisResult</c> array): Cover (the image committed like a screenshot),
/// SegmentRecognition, Highlight, HeadTailRecognition, Classification/FrameTag through the configured ONNX models, and Tag
/// (keywords from the text OCR reads and ASR hears, <see cref="TextTagger"/>).
/// The node passes its input through to its successors (DESIGN §7.4).
/// </summary>
public sealed class AiAnalysisNodeExecutor(MediaProber prober, MediaAnalyzer analyzer, AiModels models, FrameModelRunner modelRunner, TextTagger tagger) : INodeExecutor
{
    public const string CoverPattern = "{inputName}_aiAnalysisCover_{definition}.{format}";

    public string ActivityType => ActivityTypes.AiAnalysis;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(progress);
        var input = execution.Activity.ActivityPara?.AiAnalysisTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no AiAnalysisTask");
        var template = ImageNodes.Template(execution, AiAnalysisTemplates.Family(models), input.Definition ?? 0);
        try
        {
            var probe = await prober.ProbeAsync(execution.InputPath, cancellationToken);
            var analysis = await analyzer.AnalyzeAsync(execution.InputPath, probe, execution.WorkDirectory, progress, cancellationToken);
            var entries = new JsonArray();
            var holders = new List<JsonObject>();
            var files = new List<ProducedFile>();
            var commands = new List<string> { analysis.CommandLine };
            if (AiSwitch.IsOn(template.CoverConfigure))
            {
                entries.Add(await CoverAsync(execution, input, probe, analysis, files, holders, commands, cancellationToken));
            }

            if (AiSwitch.IsOn(template.MfSegmentConfigure))
            {
                entries.Add(AiAnalysisResults.Entry("SegmentRecognition", "SegmentTask", input, AiAnalysisResults.Segments(analysis.Shots)));
            }

            if (AiSwitch.IsOn(template.MfHighlightConfigure))
            {
                var highlights = AiAnalysisResults.Highlights(analysis.Highlights);
                holders.Add(highlights);
                entries.Add(AiAnalysisResults.Entry("Highlight", "HighlightTask", input, highlights));
            }

            if (AiSwitch.IsOn(template.MfHeadTailConfigure))
            {
                entries.Add(AiAnalysisResults.Entry("HeadTailRecognition", "HeadTailTask", input, AiAnalysisResults.HeadTail(analysis.HeadTail)));
            }

            if (AiSwitch.IsOn(template.ClassificationConfigure))
            {
                entries.Add(await ModelEntryAsync(execution, input, probe, AiModelNames.Classification, commands, cancellationToken));
            }

            if (AiSwitch.IsOn(template.FrameTagConfigure))
            {
                entries.Add(await ModelEntryAsync(execution, input, probe, AiModelNames.FrameTag, commands, cancellationToken));
            }

            if (AiSwitch.IsOn(template.TagConfigure))
            {
                var tags = await tagger.TagAsync(execution.InputPath, probe, execution.WorkDirectory, cancellationToken);
                entries.Add(AiAnalysisResults.Entry("Tag", "TagTask", input, AiAnalysisResults.Tags(tags)));
            }

            progress.Report(100);
            return new NodeExecutionResult
            {
                Succeeded = true,
                Files = files,
                OutputSet = entries,
                StorageHolders = holders,
                StorageMember = "OutputStorage",
                PassesInputThrough = true,
                CommandLine = string.Join('\n', commands),
                LogTail = string.Join('\n', analysis.LogTail),
                OutputSeconds = probe.Duration,
                OutputShortSide = probe.Video is { } video ? (int)Math.Min(video.Width, video.Height) : 0,
            };
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }

    private async Task<JsonObject> CoverAsync(NodeExecution execution, AiAnalysisTaskInput input, ProbeResult probe, MediaAnalysis analysis,
        List<ProducedFile> files, List<JsonObject> holders, List<string> commands, CancellationToken cancellationToken)
    {
        var output = new JsonObject { ["CoverSet"] = new JsonArray() };
        holders.Add(output);
        if (analysis.Cover is { } cover)
        {
            var run = await analyzer.CoverImageAsync(SnapshotSource.From(execution.InputPath, probe), cover.Time, execution.WorkDirectory, cancellationToken);
            commands.Add(run.CommandLine);
            var key = ImageNodes.Key(execution, input, CoverPattern, "jpg", null, 0);
            files.Add(ImageNodes.File(run.Images[0].LocalPath, key, "jpg"));
            output["CoverSet"]!.AsArray().Add(new JsonObject
            {
                ["CoverPath"] = OutputPaths.WirePath(key),
                ["Confidence"] = cover.Confidence,
                ["MfTimeOffset"] = Math.Round(run.Images[0].TimeOffset, 3),
            });
        }

        return AiAnalysisResults.Entry("Cover", "CoverTask", input, output);
    }

    private async Task<JsonObject> ModelEntryAsync(NodeExecution execution, AiAnalysisTaskInput input, ProbeResult probe, string model, List<string> commands, CancellationToken cancellationToken)
    {
        var (type, member) = model == AiModelNames.Classification ? ("Classification", "ClassificationTask") : ("FrameTag", "FrameTagTask");
        if (models.Find(model) is not { } config)
        {
            return AiAnalysisResults.Failed(type, member, input, MediaErrorCodes.ConfigurationUnsupported, $"the {model} model is not configured on this server (Ai:Models:{model})");
        }

        var run = await modelRunner.RunAsync(config, execution.InputPath, probe, Path.Combine(execution.WorkDirectory, model), cancellationToken);
        commands.Add(run.CommandLine);
        return AiAnalysisResults.Entry(type, member, input, model == AiModelNames.Classification
            ? AiModelResults.Classification(run)
            : AiModelResults.FrameTags(run));
    }
}
