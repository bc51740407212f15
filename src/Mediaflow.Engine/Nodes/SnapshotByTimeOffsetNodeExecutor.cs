using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Engine.Nodes;

/// <summary><c>action-snapshotByTimeOffset</c>: one image per asked offset; <c>PicInfoSet</c> gives each frame's time and path.</summary>
public sealed class SnapshotByTimeOffsetNodeExecutor(SnapshotExecutor snapshots, MediaProber prober, WatermarkPreparer watermarks, InputFiles inputs)
    : ImageNodeExecutor<SnapshotByTimeOffsetTaskInput, SnapshotByTimeOffsetTemplate>(prober, TemplateFamilies.SnapshotByTimeOffset)
{
    public override string ActivityType => ActivityTypes.SnapshotByTimeOffset;

    protected override SnapshotByTimeOffsetTaskInput? Input(ActivityPara? para) => para?.SnapshotByTimeOffsetTask;

    protected override async Task<NodeExecutionResult> RunAsync(NodeExecution execution, SnapshotByTimeOffsetTaskInput input,
        SnapshotByTimeOffsetTemplate parameters, SnapshotSource source, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var marks = await NodeWatermarks.PrepareAsync(watermarks, inputs, execution, input.WatermarkSet, null, cancellationToken);
        var run = await snapshots.TimeOffsetsAsync(source, parameters, input.Offsets(), execution.WorkDirectory, progress, cancellationToken, marks);
        return Shape(execution, input, parameters, run);
    }

    // Watermarked images run alone: their inputs and per-seek windows do not share a decode.
    protected override MediaPlan<NodeExecutionResult>? Plan(NodeExecution execution, SnapshotByTimeOffsetTaskInput input, SnapshotByTimeOffsetTemplate parameters, SnapshotSource source) =>
        input.WatermarkSet is { Count: > 0 } ? null : snapshots.PlanTimeOffsets(source, parameters, input.Offsets(), execution.WorkDirectory)?.Then((run, _) => Task.FromResult(Shape(execution, input, parameters, run)));

    private static NodeExecutionResult Shape(NodeExecution execution, SnapshotByTimeOffsetTaskInput input, SnapshotByTimeOffsetTemplate parameters, SnapshotRun run)
    {
        var keys = run.Images.Select((_, i) => ImageNodes.Key(execution, input, OutputPaths.SnapshotByTimeOffsetPattern, parameters.Format, input.ObjectNumberFormat, i)).ToList();
        var pictures = new JsonArray();
        for (var i = 0; i < keys.Count; i++)
        {
            pictures.Add(new JsonObject
            {
                ["TimeOffset"] = run.Images[i].TimeOffset,
                ["Path"] = OutputPaths.WirePath(keys[i]),
                ["WaterMarkDefinition"] = NodeWatermarks.Definitions(input.WatermarkSet),
            });
        }

        var output = new JsonObject { ["Definition"] = input.Definition, ["PicInfoSet"] = pictures };
        var files = run.Images.Select((image, i) => ImageNodes.File(image.LocalPath, keys[i], parameters.Format)).ToList();
        return ImageNodes.Success(files, output, run, usage: files.Count);
    }
}
