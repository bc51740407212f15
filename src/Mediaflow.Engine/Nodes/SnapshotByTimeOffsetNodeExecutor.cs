using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary><c>action-snapshotByTimeOffset</c>: one image per asked offset; <c>PicInfoSet</c> gives each frame's time and path.</summary>
public sealed class SnapshotByTimeOffsetNodeExecutor(SnapshotExecutor snapshots, MediaProber prober) : INodeExecutor
{
    public string ActivityType => ActivityTypes.SnapshotByTimeOffset;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = execution.Activity.ActivityPara?.SnapshotByTimeOffsetTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no SnapshotByTimeOffsetTask");
        var definition = input.Definition ?? 0;
        var template = ImageNodes.Template(execution, TemplateFamilies.SnapshotByTimeOffset, definition);
        try
        {
            var source = await ImageNodes.SourceAsync(prober, execution, cancellationToken);
            var run = await snapshots.TimeOffsetsAsync(source, template, input.Offsets(), execution.WorkDirectory, progress, cancellationToken);
            var keys = run.Images.Select((_, i) => ImageNodes.Key(execution, input, OutputPaths.SnapshotByTimeOffsetPattern, template.Format, input.ObjectNumberFormat, i)).ToList();
            var pictures = new JsonArray();
            for (var i = 0; i < keys.Count; i++)
            {
                pictures.Add(new JsonObject
                {
                    ["TimeOffset"] = run.Images[i].TimeOffset,
                    ["Path"] = OutputPaths.WirePath(keys[i]),
                    ["WaterMarkDefinition"] = new JsonArray(),
                });
            }

            var output = new JsonObject { ["Definition"] = definition, ["PicInfoSet"] = pictures };
            var files = run.Images.Select((image, i) => ImageNodes.File(image.LocalPath, keys[i], template.Format)).ToList();
            return ImageNodes.Success(files, output, run, usage: files.Count);
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }
}
