using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
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
        var (start, end) = Clip(input, source);
        var run = await snapshots.AnimateAsync(source, parameters, start, end, execution.WorkDirectory, progress, cancellationToken);
        return await ShapeAsync(execution, input, parameters, run, start, end, cancellationToken);
    }

    protected override MediaPlan<NodeExecutionResult> Plan(NodeExecution execution, AnimatedGraphicTaskInput input, AnimatedGraphicsTemplate parameters, SnapshotSource source)
    {
        var (start, end) = Clip(input, source);
        return snapshots.PlanAnimate(source, parameters, start, end, execution.WorkDirectory).Then((run, ct) => ShapeAsync(execution, input, parameters, run, start, end, ct));
    }

    private static (double Start, double End) Clip(AnimatedGraphicTaskInput input, SnapshotSource source) =>
        (input.StartTimeOffset ?? 0, Math.Min(input.EndTimeOffset ?? source.Duration, source.Duration));

    private static async Task<NodeExecutionResult> ShapeAsync(NodeExecution execution, AnimatedGraphicTaskInput input, AnimatedGraphicsTemplate parameters, SnapshotRun run,
        double start, double end, CancellationToken cancellationToken)
    {
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
