using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tasks;

/// <summary>
/// What happens next in a task, from the node states alone (pure). Every action node has exactly one predecessor
/// (validated at save time); a node runs iff its predecessor succeeded (the input counts as succeeded), and is SKIPPED
/// when its predecessor failed or was skipped.
/// </summary>
public static class DagProgress
{
    public sealed record NextSteps(IReadOnlyList<int> Ready, IReadOnlyList<(int Node, int Cause)> Skip, bool Finished);

    /// <param name="states">State of every action node, by Activities index.</param>
    public static NextSteps Evaluate(IReadOnlyList<Activity> activities, IReadOnlyDictionary<int, NodeStatus> states)
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
            if (predecessorStatus == NodeStatus.Success)
            {
                ready.Add(node);
            }
            else if (predecessorStatus is NodeStatus.Fail or NodeStatus.Skipped)
            {
                skip.Add((node, predecessor));
                effective[node] = NodeStatus.Skipped;
            }
        }

        var finished = effective.Values.All(s => s.IsTerminal());
        return new NextSteps(ready, skip, finished);
    }
}
