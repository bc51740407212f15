using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary><c>action-animated-graphics</c>: a GIF or animated WebP of the clip, measured (size, bitrate, MD5) as written.</summary>
public sealed class AnimatedGraphicsNodeExecutor(SnapshotExecutor snapshots, MediaProber prober) : INodeExecutor
{
    public string ActivityType => ActivityTypes.AnimatedGraphics;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = execution.Activity.ActivityPara?.AnimatedGraphicTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no AnimatedGraphicTask");
        var definition = input.Definition ?? 0;
        var template = ImageNodes.Template(execution, TemplateFamilies.AnimatedGraphics, definition);
        try
        {
            var source = await ImageNodes.SourceAsync(prober, execution, cancellationToken);
            var start = input.StartTimeOffset ?? 0;
            var end = Math.Min(input.EndTimeOffset ?? source.Duration, source.Duration);
            var run = await snapshots.AnimateAsync(source, template, start, end, execution.WorkDirectory, progress, cancellationToken);
            var key = OutputPaths.ObjectKey(execution.OutputDirectory, input.OutputObjectPath, OutputPaths.AnimatedGraphicPattern,
                OutputPathVariables.ForInput(execution.InputKey, template.Format, definition));
            var local = run.Images[0].LocalPath;
            var size = new FileInfo(local).Length;
            var seconds = Math.Round(end - start, 3);
            var output = new JsonObject
            {
                ["Path"] = OutputPaths.WirePath(key),
                ["Definition"] = definition,
                ["Container"] = template.Format,
                ["Height"] = run.Height,
                ["Width"] = run.Width,
                ["Bitrate"] = seconds > 0 ? (long)Math.Round(size * 8 / seconds) : 0,
                ["Size"] = size,
                ["Md5"] = await ImageNodes.Md5Async(local, cancellationToken),
                ["StartTimeOffset"] = start,
                ["EndTimeOffset"] = end,
            };
            // An animation is media: its usage is the clip's seconds, not an image count.
            return ImageNodes.Success([ImageNodes.File(local, key, template.Format)], output, run, usage: seconds);
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }
}
