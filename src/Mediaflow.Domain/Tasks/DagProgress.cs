using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tasks;

/// <summary>
/// What happens next in a task, from the node states alone (pure). Every action node has exactly one predecessor
/// (validated at save time); a node runs iff its predecessor succeeded (the input counts as succeeded) and, below an IF
/// node, its branch was selected; it is SKIPPED when its predecessor failed or was skipped, or when the IF node above it
/// succeeded without selecting it (DESIGN §7.4). A skip's cause is the predecessor, whose state tells which case it is.
/// </summary>
public static class DagProgress
{
    public sealed record NextSteps(IReadOnlyList<int> Ready, IReadOnlyList<(int Node, int Cause)> Skip, bool Finished);

    /// <param name="states">State of every action node, by Activities index.</param>
    /// <param name="selections">For each IF node that succeeded, the successors its decision selected (its Output.RearDriveIndex).</param>
    public static NextSteps Evaluate(IReadOnlyList<Activity> activities, IReadOnlyDictionary<int, NodeStatus> states,
        IReadOnlyDictionary<int, IReadOnlySet<int>>? selections = null)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(states);
        var graph = DagGraph.From(activities);
        var ready = new List<int>();
        var skip = new List<(int, int)>();
        var effective = new Dictionary<int, NodeStatus>(states);

        // Walk in topological order so a skip propagates down a chain in one evaluation.
        foreach (var node in graph.TopologicalOrder())
        {
            if (!effective.TryGetValue(node, out var status) || status != NodeStatus.Waiting)
            {
                continue;
            }

            var predecessor = graph.Predecessors[node][0];
            var predecessorStatus = activities[predecessor].ActivityType == ActivityTypes.Input
                ? NodeStatus.Success
                : effective.GetValueOrDefault(predecessor, NodeStatus.Waiting);
            var unselected = selections is not null && selections.TryGetValue(predecessor, out var selected) && !selected.Contains(node);
            if (predecessorStatus == NodeStatus.Success && !unselected)
            {
                ready.Add(node);
            }
            else if (predecessorStatus is NodeStatus.Fail or NodeStatus.Skipped or NodeStatus.Success)
            {
                skip.Add((node, predecessor));
                effective[node] = NodeStatus.Skipped;
            }
        }

        var finished = effective.Values.All(s => s.IsTerminal());
        return new NextSteps(ready, skip, finished);
    }
}
