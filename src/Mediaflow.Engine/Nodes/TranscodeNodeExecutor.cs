using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Nodes.Fusion;
using Mediaflow.Engine.Tasks;
using Mediaflow.Media;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;
using Mediaflow.Media.Watermarks;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-trans</c>: resolves the node's template (the task's snapshot with its OverrideParameter, or the inline
/// RawParameter), names the outputs by the path rules of spec §8, fetches head/tail clips, subtitle files, add-on audio
/// and subtitle tracks and inline watermark pictures, prepares watermarks, runs the media layer's transcode and reports the measured output.
/// </summary>
public sealed partial class TranscodeNodeExecutor(
    TranscodeExecutor transcoder,
    MediaProber prober,
    WatermarkPreparer watermarks,
    InputFiles inputs,
    IDbContextFactory<MediaflowDbContext> contexts) : IFusableNodeExecutor
{
    public string ActivityType => ActivityTypes.Transcode;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        try
        {
            var (node, missing) = await PrepareAsync(execution, cancellationToken);
            return missing ?? Shape(await transcoder.TranscodeAsync(node!.Request, progress, cancellationToken), node);
        }
        catch (MediaFailure failure)
        {
            return NodeExecutionResult.Failed(failure.ErrCodeExt, failure.Message, failure.Retryable, failure.CommandLine, string.Join('\n', failure.LogTail));
        }
    }

    public async Task<MediaPlan<NodeExecutionResult>?> PlanAsync(NodeExecution execution, CancellationToken cancellationToken)
    {
        var (node, missing) = await PrepareAsync(execution, cancellationToken);
        if (missing is not null)
        {
            return null; // runs alone, where it fails the same way
        }

        return transcoder.Plan(node!.Request)?.Then((result, _) => Task.FromResult(Shape(result, node)));
    }

    private sealed record PreparedNode(TranscodeRequest Request, string Key, string Directory, long Definition);

    /// <summary>The node's transcode request, or the failed result when a head/tail clip or subtitle file is missing.</summary>
    private async Task<(PreparedNode? Node, NodeExecutionResult? Missing)> PrepareAsync(NodeExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = execution.Activity.ActivityPara?.TranscodeTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no TranscodeTask");
        var definition = input.Definition ?? 0;
        var template = definition == 0
            ? input.RawParameter ?? throw new InvalidOperationException("RawParameter missing for Definition 0")
            : TranscodeOverrides.Apply(
                execution.TemplateSnapshot[definition.ToString(CultureInfo.InvariantCulture)].Deserialize<TranscodeTemplate>(EngineJson.Options)!,
                input.OverrideParameter);

        var format = TranscodeContainers.FileExtension(template.Container);
        var variables = OutputPathVariables.ForInput(execution.InputKey, format, definition);
        var key = OutputPaths.ObjectKey(execution.OutputDirectory, input.OutputObjectPath, OutputPaths.TranscodePattern, variables);
        var directory = key[..(key.LastIndexOf('/') + 1)];
        var numbers = input.ObjectNumberFormat ?? new NumberFormat();
        var segmentPattern = string.IsNullOrEmpty(input.SegmentObjectName) ? OutputPaths.TranscodeSegmentPattern : input.SegmentObjectName;

        var source = await prober.ProbeAsync(execution.InputPath, cancellationToken);
        var (heads, tails, missing) = await HeadTailClipsAsync(execution, input.HeadTailParameter, cancellationToken);
        if (missing is not null)
        {
            return (null, missing);
        }

        var (subtitleFile, missingSubtitle) = await SubtitleFileAsync(execution, template, cancellationToken);
        if (missingSubtitle is not null)
        {
            return (null, missingSubtitle);
        }

        var (addOns, missingAddOn) = await AddOnFilesAsync(execution, input, cancellationToken);
        if (missingAddOn is not null)
        {
            return (null, missingAddOn);
        }

        var marks = await NodeWatermarks.PrepareAsync(watermarks, inputs, execution, input.WatermarkSet, input.MosaicSet, cancellationToken);
        var request = new TranscodeRequest
        {
            SourcePath = execution.InputPath,
            Source = source,
            Template = template,
            StartTimeOffset = input.StartTimeOffset ?? 0,
            EndTimeOffset = input.EndTimeOffset ?? 0,
            WorkDirectory = execution.WorkDirectory,
            OutputFileName = Path.GetFileName(key),
            Marks = marks,
            SegmentFileName = template.Container == "hls"
                ? index => Path.GetFileName(OutputPaths.Render(segmentPattern, variables with { Format = TranscodePlanner.SegmentExtension(template), Number = numbers.Render(index) }))
                : null,
            SubtitleFilePath = subtitleFile,
            HeadClips = heads,
            TailClips = tails,
            AddonAudio = addOns!.Audio,
            AddOnSubtitles = addOns.Subtitles,
        };
        return (new PreparedNode(request, key, directory, definition), null);
    }

    private static NodeExecutionResult Shape(TranscodeResult result, PreparedNode node)
    {
        var files = result.Files.Select(f => new ProducedFile(f.LocalPath, node.Directory + f.FileName, f.ContentType)).ToList();
        var item = result.Item with { Path = OutputPaths.WirePath(node.Key), Definition = node.Definition };
        return new NodeExecutionResult
        {
            Succeeded = true,
            Files = files,
            Output = JsonNode.Parse(EngineJson.Serialize(item))!.AsObject(),
            CommandLine = result.CommandLine,
            LogTail = string.Join('\n', result.LogTail),
            OutputSeconds = item.Duration,
            OutputShortSide = (int)Math.Min(item.Width, item.Height),
            OutputCodec = item.VideoStreamSet.Count > 0 ? item.VideoStreamSet[0].Codec : "",
        };
    }
}
