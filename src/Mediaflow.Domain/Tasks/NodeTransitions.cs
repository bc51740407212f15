namespace Mediaflow.Domain.Tasks;

/// <summary>The one transition function of node runs. Terminal states (SUCCESS, FAIL, SKIPPED) never change again.</summary>
public static class NodeTransitions
{
    public static bool IsTerminal(this NodeStatus status) => status is NodeStatus.Success or NodeStatus.Fail or NodeStatus.Skipped;

    public static bool CanMove(NodeStatus from, NodeStatus to) => (from, to) switch
    {
        (NodeStatus.Waiting, NodeStatus.Processing or NodeStatus.Skipped or NodeStatus.Fail) => true,
        // A crashed or shut-down attempt is retried: PROCESSING goes back to PROCESSING with a new attempt, or to WAITING when requeued.
        (NodeStatus.Processing, NodeStatus.Success or NodeStatus.Fail or NodeStatus.Processing or NodeStatus.Waiting) => true,
        _ => false,
    };

    public static NodeStatus Move(NodeStatus from, NodeStatus to) =>
        CanMove(from, to) ? to : throw new InvalidOperationException($"node cannot move from {from} to {to}");

    public static string WireName(this NodeStatus status) => status switch
    {
        NodeStatus.Waiting => "WAITING",
        NodeStatus.Processing => "PROCESSING",
        NodeStatus.Success => "SUCCESS",
        NodeStatus.Fail => "FAIL",
        NodeStatus.Skipped => "SKIPPED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
