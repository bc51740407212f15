using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary><c>action-samplesnapshot</c>: the first frame, then one every SampleInterval percent or seconds.</summary>
public sealed class SampleSnapshotNodeExecutor(SnapshotExecutor snapshots, MediaProber prober) : INodeExecutor
{
    public string ActivityType => ActivityTypes.SampleSnapshot;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = execution.Activity.ActivityPara?.SampleSnapshotTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no SampleSnapshotTask");
        var definition = input.Definition ?? 0;
        var template = ImageNodes.Template(execution, TemplateFamilies.SampleSnapshot, definition);
        try
        {
            var source = await ImageNodes.SourceAsync(prober, execution, cancellationToken);
            var run = await snapshots.SampleAsync(source, template, execution.WorkDirectory, progress, cancellationToken);
            var keys = run.Images.Select((_, i) => ImageNodes.Key(execution, input, OutputPaths.SampleSnapshotPattern, template.Format, input.ObjectNumberFormat, i)).ToList();
            var output = new JsonObject
            {
                ["Definition"] = definition,
                ["SampleType"] = template.SampleType,
                ["Interval"] = template.SampleInterval,
                ["ImagePathSet"] = ImageNodes.Paths(keys),
                ["WaterMarkDefinition"] = new JsonArray(),
            };
            var files = run.Images.Select((image, i) => ImageNodes.File(image.LocalPath, keys[i], template.Format)).ToList();
            return ImageNodes.Success(files, output, run, usage: files.Count);
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }
}
