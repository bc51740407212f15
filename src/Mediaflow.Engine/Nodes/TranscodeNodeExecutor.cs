using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Tasks;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Transcoding;
using Mediaflow.Media.Watermarks;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-trans</c>: resolves the node's template (the task's snapshot, or the inline RawParameter), names the
/// outputs by the path rules of spec §8, runs the media layer's transcode and reports the measured output.
/// </summary>
public sealed partial class TranscodeNodeExecutor(TranscodeExecutor transcoder, MediaProber prober, WatermarkPreparer watermarks, InputFiles inputs, IDbContextFactory<MediaflowDbContext> contexts) : INodeExecutor
{
    public string ActivityType => ActivityTypes.Transcode;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
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

        try
        {
            var source = await prober.ProbeAsync(execution.InputPath, cancellationToken);
            var (heads, tails, missing) = await HeadTailClipsAsync(execution, input.HeadTailParameter, cancellationToken);
            if (missing is not null)
            {
                return missing;
            }

            var (subtitleFile, missingSubtitle) = await SubtitleFileAsync(execution, template, cancellationToken);
            if (missingSubtitle is not null)
            {
                return missingSubtitle;
            }

            var marks = await NodeWatermarks.PrepareAsync(watermarks, execution, input.WatermarkSet, input.MosaicSet, cancellationToken);
            var result = await transcoder.TranscodeAsync(new TranscodeRequest
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
            }, progress, cancellationToken);

            var files = result.Files.Select(f => new ProducedFile(f.LocalPath, directory + f.FileName, f.ContentType)).ToList();
            var item = result.Item with { Path = OutputPaths.WirePath(key), Definition = definition };
            return new NodeExecutionResult
            {
                Succeeded = true,
                Files = files,
                Output = JsonNode.Parse(EngineJson.Serialize(item))!.AsObject(),
                CommandLine = result.CommandLine,
                LogTail = string.Join('\n', result.LogTail),
                OutputSeconds = item.Duration,
                OutputShortSide = (int)Math.Min(item.Width, item.Height),
            };
        }
        catch (MediaFailure failure)
        {
            return NodeExecutionResult.Failed(failure.ErrCodeExt, failure.Message, failure.Retryable, failure.CommandLine, string.Join('\n', failure.LogTail));
        }
    }
}
