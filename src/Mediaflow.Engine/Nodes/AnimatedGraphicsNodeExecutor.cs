using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary><c>action-animated-graphics</c>: a GIF or animated WebP of the clip, measured (size, bitrate, MD5) as written.</summary>
public sealed class AnimatedGraphicsNodeExecutor(SnapshotExecutor snapshots, MediaProber prober)
    : ImageNodeExecutor<AnimatedGraphicTaskInput, AnimatedGraphicsTemplate>(prober, TemplateFamilies.AnimatedGraphics)
{
    public override string ActivityType => ActivityTypes.AnimatedGraphics;

    protected override AnimatedGraphicTaskInput? Input(ActivityPara? para) => para?.AnimatedGraphicTask;

    protected override async Task<NodeExecutionResult> RunAsync(NodeExecution execution, AnimatedGraphicTaskInput input,
        AnimatedGraphicsTemplate parameters, SnapshotSource source, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var start = input.StartTimeOffset ?? 0;
        var end = Math.Min(input.EndTimeOffset ?? source.Duration, source.Duration);
        var run = await snapshots.AnimateAsync(source, parameters, start, end, execution.WorkDirectory, progress, cancellationToken);
        var key = OutputPaths.ObjectKey(execution.OutputDirectory, input.OutputObjectPath, OutputPaths.AnimatedGraphicPattern,
            OutputPathVariables.ForInput(execution.InputKey, parameters.Format, input.Definition ?? 0));
        var local = run.Images[0].LocalPath;
        var size = new FileInfo(local).Length;
        var seconds = Math.Round(end - start, 3);
        var output = new JsonObject
        {
            ["Path"] = OutputPaths.WirePath(key),
            ["Definition"] = input.Definition,
            ["Container"] = parameters.Format,
            ["Height"] = run.Height,
            ["Width"] = run.Width,
            ["Bitrate"] = seconds > 0 ? (long)Math.Round(size * 8 / seconds) : 0,
            ["Size"] = size,
            ["Md5"] = await ImageNodes.Md5Async(local, cancellationToken),
            ["StartTimeOffset"] = start,
            ["EndTimeOffset"] = end,
        };
        // An animation is media: its usage is the clip's seconds, not an image count.
        return ImageNodes.Success([ImageNodes.File(local, key, parameters.Format)], output, run, usage: seconds);
    }
}
