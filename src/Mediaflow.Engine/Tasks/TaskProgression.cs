using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Notifications;
using Wolverine;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// Moves a task forward after one of its nodes (or its input) changed: dispatches the successors that became ready,
/// skips the ones below a failed or skipped node, and finishes the task when every node is terminal. Runs inside a
/// <see cref="TaskStateWriter"/> change, so the node result, the dispatches and the notifications commit together.
/// </summary>
public sealed class TaskProgression(TimeProvider time, NotificationOutbox notifications)
{
    /// <param name="changedNode">The node whose state just became terminal, or the input index when the task starts.</param>
    public async Task AdvanceAsync(TaskState state, int changedNode, IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(bus);
        var graph = DagGraph.From(state.Activities);
        var step = DagProgress.Evaluate(state.Activities, state.Nodes.ToDictionary(n => n.NodeIndex, TaskState.StatusOf));
        var now = time.GetUtcNow();

        foreach (var (node, cause) in step.Skip)
        {
            var row = state.Node(node);
            TaskState.SetStatus(row, NodeStatus.Skipped);
            row.Message = $"predecessor Activities[{cause}] {(TaskState.StatusOf(state.Node(cause)) == NodeStatus.Fail ? "failed" : "was skipped")}";
            row.FinishTime = now;
            await notifications.EnqueueAsync(state, NotificationKind.NodeChanged, bus);
        }

        // Only successors of the node that just succeeded are new: siblings dispatched earlier are still WAITING
        // and must not be dispatched twice.
        foreach (var node in step.Ready.Where(n => graph.Predecessors[n][0] == changedNode))
        {
            await bus.PublishAsync(new RunNode(state.Task.TaskId, node));
        }

        if (step.Finished && state.Task.Status != TaskFlowStatus.Finish)
        {
            state.Task.Status = TaskFlowStatus.Finish;
            state.Task.FinishTime = now;
            state.Task.BeginProcessTime ??= now;
            await notifications.EnqueueAsync(state, NotificationKind.TaskFinished, bus);
        }
    }

    /// <summary>Fails every unfinished node with one code (source errors, abort) and finishes the task.</summary>
    public async Task FailAllAsync(TaskState state, string errCodeExt, string message, IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = time.GetUtcNow();
        foreach (var node in state.Nodes.Where(n => !TaskState.StatusOf(n).IsTerminal()))
        {
            TaskState.SetStatus(node, NodeStatus.Fail);
            node.ErrCodeExt = errCodeExt;
            node.ErrCode = TaskErrorCodes.NumericCode(errCodeExt);
            node.Message = message;
            node.BeginProcessTime ??= now;
            node.FinishTime = now;
        }

        await AdvanceAsync(state, state.InputIndex, bus);
    }
}
