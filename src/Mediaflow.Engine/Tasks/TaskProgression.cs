using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Notifications;
using Wolverine;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// Moves a task forward after one of its nodes (or its input) changed: dispatches the successors that became ready,
/// decides IF nodes on the spot (<see cref="ExecRulesStep"/>), skips the ones below a failed or skipped node or on a
/// branch an IF node did not select, and finishes the task when every node is terminal. Runs inside a
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
        var now = time.GetUtcNow();
        var changed = new HashSet<int> { changedNode };
        DagProgress.NextSteps step;
        while (true)
        {
            step = DagProgress.Evaluate(state.Activities, state.Nodes.ToDictionary(n => n.NodeIndex, TaskState.StatusOf), ExecRulesStep.Selections(state));
            foreach (var (node, cause) in step.Skip)
            {
                var row = state.Node(node);
                TaskState.SetStatus(row, NodeStatus.Skipped);
                row.Message = TaskState.StatusOf(state.Node(cause)) switch
                {
                    NodeStatus.Success => $"branch not selected by Activities[{cause}]",
                    NodeStatus.Fail => $"predecessor Activities[{cause}] failed",
                    _ => $"predecessor Activities[{cause}] was skipped",
                };
                row.FinishTime = now;
                await notifications.EnqueueAsync(state, NotificationKind.NodeChanged, bus);
            }

            // IF nodes are decided here, in this change, without a RunNode: their successors are then evaluated again.
            var decisions = step.Ready.Where(n => state.Activities[n].ActivityType == ActivityTypes.ExecRules).ToList();
            if (decisions.Count == 0)
            {
                break;
            }

            foreach (var node in decisions)
            {
                ExecRulesStep.Decide(state, node, now);
                changed.Add(node);
                await notifications.EnqueueAsync(state, NotificationKind.NodeChanged, bus);
            }
        }

        // Only successors of the node that just succeeded (or of an IF node decided above) are new: siblings
        // dispatched earlier are still WAITING and must not be dispatched twice.
        foreach (var node in step.Ready.Where(n => changed.Contains(graph.Predecessors[n][0])))
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
