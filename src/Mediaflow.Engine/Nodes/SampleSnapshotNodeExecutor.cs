using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Engine.Nodes;

/// <summary><c>action-samplesnapshot</c>: the first frame, then one every SampleInterval percent or seconds.</summary>
public sealed class SampleSnapshotNodeExecutor(SnapshotExecutor snapshots, MediaProber prober, WatermarkPreparer watermarks, InputFiles inputs)
    : ImageNodeExecutor<SampleSnapshotTaskInput, SampleSnapshotTemplate>(prober, TemplateFamilies.SampleSnapshot)
{
    public override string ActivityType => ActivityTypes.SampleSnapshot;

    protected override SampleSnapshotTaskInput? Input(ActivityPara? para) => para?.SampleSnapshotTask;

    protected override async Task<NodeExecutionResult> RunAsync(NodeExecution execution, SampleSnapshotTaskInput input,
        SampleSnapshotTemplate parameters, SnapshotSource source, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var marks = await NodeWatermarks.PrepareAsync(watermarks, inputs, execution, input.WatermarkSet, null, cancellationToken);
        var run = await snapshots.SampleAsync(source, parameters, execution.WorkDirectory, progress, cancellationToken, marks);
        return Shape(execution, input, parameters, run);
    }

    // Watermarked images run alone: their inputs and per-seek windows do not share a decode.
    protected override MediaPlan<NodeExecutionResult>? Plan(NodeExecution execution, SampleSnapshotTaskInput input, SampleSnapshotTemplate parameters, SnapshotSource source) =>
        input.WatermarkSet is { Count: > 0 } ? null : snapshots.PlanSample(source, parameters, execution.WorkDirectory).Then((run, _) => Task.FromResult(Shape(execution, input, parameters, run)));

    private static NodeExecutionResult Shape(NodeExecution execution, SampleSnapshotTaskInput input, SampleSnapshotTemplate parameters, SnapshotRun run)
    {
        var keys = run.Images.Select((_, i) => ImageNodes.Key(execution, input, OutputPaths.SampleSnapshotPattern, parameters.Format, input.ObjectNumberFormat, i)).ToList();
        var output = new JsonObject
        {
            ["Definition"] = input.Definition,
            ["SampleType"] = parameters.SampleType,
            ["Interval"] = parameters.SampleInterval,
            ["ImagePathSet"] = ImageNodes.Paths(keys),
            ["WaterMarkDefinition"] = NodeWatermarks.Definitions(input.WatermarkSet),
        };
        var files = run.Images.Select((image, i) => ImageNodes.File(image.LocalPath, keys[i], parameters.Format)).ToList();
        return ImageNodes.Success(files, output, run, usage: files.Count);
    }
}
