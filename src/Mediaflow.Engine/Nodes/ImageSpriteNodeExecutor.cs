using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-image-sprite</c>: the sheets and a WebVTT index whose cues point at them with <c>#xywh=</c>. A sheet in the
/// VTT's directory is named by its file name, one elsewhere by its absolute path.
/// </summary>
public sealed class ImageSpriteNodeExecutor(SnapshotExecutor snapshots, MediaProber prober) : INodeExecutor
{
    public string ActivityType => ActivityTypes.ImageSprite;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = execution.Activity.ActivityPara?.ImageSpriteTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no ImageSpriteTask");
        var definition = input.Definition ?? 0;
        var template = ImageNodes.Template(execution, TemplateFamilies.ImageSprite, definition);
        try
        {
            var source = await ImageNodes.SourceAsync(prober, execution, cancellationToken);
            var run = await snapshots.SpriteAsync(source, template, execution.WorkDirectory, progress, cancellationToken);
            var keys = run.Sheets.Select((_, i) => ImageNodes.Key(execution, input, OutputPaths.ImageSpritePattern, template.Format, input.ObjectNumberFormat, i)).ToList();
            var vttKey = OutputPaths.ObjectKey(execution.OutputDirectory, input.WebVttObjectName, OutputPaths.ImageSpriteWebVttPattern,
                OutputPathVariables.ForInput(execution.InputKey, "vtt", definition));
            var vttDirectory = vttKey[..(vttKey.LastIndexOf('/') + 1)];
            var references = keys.Select(k => k[..(k.LastIndexOf('/') + 1)] == vttDirectory ? k[vttDirectory.Length..] : OutputPaths.WirePath(k)).ToList();
            var vttPath = Path.Combine(execution.WorkDirectory, "sprite.vtt");
            await File.WriteAllTextAsync(vttPath, WebVtt.Render(run.Thumbnails, references, run.Duration), cancellationToken);

            var output = new JsonObject
            {
                ["Definition"] = definition,
                ["Height"] = run.Height,
                ["Width"] = run.Width,
                ["TotalCount"] = run.PerSheet,
                ["ImagePathSet"] = ImageNodes.Paths(keys),
                ["WebVttPath"] = OutputPaths.WirePath(vttKey),
            };
            var files = run.Sheets.Select((sheet, i) => ImageNodes.File(sheet, keys[i], template.Format)).Append(ImageNodes.File(vttPath, vttKey, "vtt")).ToList();
            var images = new SnapshotRun { Images = [], Width = run.Width, Height = run.Height, CommandLine = run.CommandLine, LogTail = run.LogTail };
            return ImageNodes.Success(files, output, images, usage: run.Sheets.Count);
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }
}
