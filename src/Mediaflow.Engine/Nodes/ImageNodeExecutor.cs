using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Nodes.Fusion;
using Mediaflow.Media;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The recipe every image-family node follows: read its ActivityPara member, take its template from the task's snapshot,
/// probe the source, let the family do its media work and shape its result; a <see cref="MediaFailure"/> becomes the
/// node's failure (retryable or not as the failure says).
/// </summary>
public abstract class ImageNodeExecutor<TInput, TTemplate>(MediaProber prober, TemplateFamily<TTemplate> family) : IFusableNodeExecutor
    where TInput : class, INodeTaskInput
    where TTemplate : class, IStoredTemplate<TTemplate>
{
    public abstract string ActivityType { get; }

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = Input(execution.Activity.ActivityPara)
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no {typeof(TInput).Name.Replace("Input", "", StringComparison.Ordinal)}");
        var template = ImageNodes.Template(execution, family, input.Definition ?? 0);
        try
        {
            var source = await ImageNodes.SourceAsync(prober, execution, cancellationToken);
            return await RunAsync(execution, input, template, source, progress, cancellationToken);
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }

    public async Task<MediaPlan<NodeExecutionResult>?> PlanAsync(NodeExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = Input(execution.Activity.ActivityPara);
        if (input is null)
        {
            return null; // runs alone and fails there with the usual message
        }

        var template = ImageNodes.Template(execution, family, input.Definition ?? 0);
        var source = await ImageNodes.SourceAsync(prober, execution, cancellationToken);
        return Plan(execution, input, template, source);
    }

    /// <summary>The family's media work as a plan for sibling fusion; null (the default) = the family always runs alone.</summary>
    protected virtual MediaPlan<NodeExecutionResult>? Plan(NodeExecution execution, TInput input, TTemplate parameters, SnapshotSource source) => null;

    /// <summary>The node's member of ActivityPara.</summary>
    protected abstract TInput? Input(ActivityPara? para);

    /// <summary>The media work and the result; throws <see cref="MediaFailure"/> on failure.</summary>
    protected abstract Task<NodeExecutionResult> RunAsync(
        NodeExecution execution, TInput input, TTemplate parameters, SnapshotSource source, IProgress<double> progress, CancellationToken cancellationToken);
}
