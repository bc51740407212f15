using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-image-sprite</c>: the sheets and a WebVTT index whose cues point at them with <c>#xywh=</c>. A sheet in the
/// VTT's directory is named by its file name, one elsewhere by its absolute path.
/// </summary>
public sealed class ImageSpriteNodeExecutor(SnapshotExecutor snapshots, MediaProber prober)
    : ImageNodeExecutor<ImageSpriteTaskInput, ImageSpriteTemplate>(prober, TemplateFamilies.ImageSprite)
{
    public override string ActivityType => ActivityTypes.ImageSprite;

    protected override ImageSpriteTaskInput? Input(ActivityPara? para) => para?.ImageSpriteTask;

    protected override async Task<NodeExecutionResult> RunAsync(NodeExecution execution, ImageSpriteTaskInput input,
        ImageSpriteTemplate parameters, SnapshotSource source, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var run = await snapshots.SpriteAsync(source, parameters, execution.WorkDirectory, progress, cancellationToken);
        return await ShapeAsync(execution, input, parameters, run, cancellationToken);
    }

    protected override MediaPlan<NodeExecutionResult> Plan(NodeExecution execution, ImageSpriteTaskInput input, ImageSpriteTemplate parameters, SnapshotSource source) =>
        snapshots.PlanSprite(source, parameters, execution.WorkDirectory).Then((run, ct) => ShapeAsync(execution, input, parameters, run, ct));

    private static async Task<NodeExecutionResult> ShapeAsync(NodeExecution execution, ImageSpriteTaskInput input, ImageSpriteTemplate parameters, SpriteRun run, CancellationToken cancellationToken)
    {
        var keys = run.Sheets.Select((_, i) => ImageNodes.Key(execution, input, OutputPaths.ImageSpritePattern, parameters.Format, input.ObjectNumberFormat, i)).ToList();
        var vttKey = OutputPaths.ObjectKey(execution.OutputDirectory, input.WebVttObjectName, OutputPaths.ImageSpriteWebVttPattern,
            OutputPathVariables.ForInput(execution.InputKey, "vtt", input.Definition ?? 0));
        var vttDirectory = vttKey[..(vttKey.LastIndexOf('/') + 1)];
        var references = keys.Select(k => k[..(k.LastIndexOf('/') + 1)] == vttDirectory ? k[vttDirectory.Length..] : OutputPaths.WirePath(k)).ToList();
        var vttPath = Path.Combine(execution.WorkDirectory, "sprite.vtt");
        await File.WriteAllTextAsync(vttPath, WebVtt.Render(run.Thumbnails, references, run.Duration), cancellationToken);

        var output = new JsonObject
        {
            ["Definition"] = input.Definition,
            ["Height"] = run.Height,
            ["Width"] = run.Width,
            ["TotalCount"] = run.PerSheet,
            ["ImagePathSet"] = ImageNodes.Paths(keys),
            ["WebVttPath"] = OutputPaths.WirePath(vttKey),
        };
        var files = run.Sheets.Select((sheet, i) => ImageNodes.File(sheet, keys[i], parameters.Format)).Append(ImageNodes.File(vttPath, vttKey, "vtt")).ToList();
        var sheets = new SnapshotRun { Images = [], Width = run.Width, Height = run.Height, CommandLine = run.CommandLine, LogTail = run.LogTail };
        return ImageNodes.Success(files, output, sheets, usage: run.Sheets.Count);
    }
}
