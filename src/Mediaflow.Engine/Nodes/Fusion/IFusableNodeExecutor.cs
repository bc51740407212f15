using Mediaflow.Media.Fusion;

namespace Mediaflow.Engine.Nodes.Fusion;

/// <summary>
/// An executor whose media work is one ffmpeg job on the node's input, so siblings on the same input can share one
/// process (DESIGN §7.8). <see cref="PlanAsync"/> does everything <see cref="INodeExecutor.ExecuteAsync"/> does except
/// running ffmpeg; the plan's finish shapes the same <see cref="NodeExecutionResult"/>.
/// </summary>
public interface IFusableNodeExecutor : INodeExecutor
{
    /// <summary>The node's planned job, or null when it cannot share a process (it then runs alone). May throw
    /// <see cref="Mediaflow.Media.MediaFailure"/>: the node then runs alone and fails there as it would have.</summary>
    Task<MediaPlan<NodeExecutionResult>?> PlanAsync(NodeExecution execution, CancellationToken cancellationToken);
}
