namespace Mediaflow.Domain.Orchestrations;

/// <summary>Adjacency of an Activities array (successors as given, predecessors derived). Assumes indexes are in range.</summary>
public sealed class DagGraph
{
    private DagGraph(IReadOnlyList<IReadOnlyList<int>> successors, IReadOnlyList<IReadOnlyList<int>> predecessors)
    {
        Successors = successors;
        Predecessors = predecessors;
    }

    public IReadOnlyList<IReadOnlyList<int>> Successors { get; }

    public IReadOnlyList<IReadOnlyList<int>> Predecessors { get; }

    public static DagGraph From(IReadOnlyList<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var successors = activities.Select(a => (IReadOnlyList<int>)(a.ReardriveIndex ?? []).Select(i => (int)i).Distinct().ToList()).ToList();
        var predecessors = Enumerable.Range(0, activities.Count).Select(_ => new List<int>()).ToList();
        for (var i = 0; i < successors.Count; i++)
        {
            foreach (var successor in successors[i])
            {
                predecessors[successor].Add(i);
            }
        }

        return new DagGraph(successors, predecessors.Select(p => (IReadOnlyList<int>)p).ToList());
    }

    /// <summary>Kahn's order; shorter than the node count when there is a cycle.</summary>
    public IReadOnlyList<int> TopologicalOrder()
    {
        var inDegree = Predecessors.Select(p => p.Count).ToArray();
        var ready = new Queue<int>(Enumerable.Range(0, inDegree.Length).Where(i => inDegree[i] == 0));
        var order = new List<int>();
        while (ready.TryDequeue(out var node))
        {
            order.Add(node);
            foreach (var successor in Successors[node])
            {
                if (--inDegree[successor] == 0)
                {
                    ready.Enqueue(successor);
                }
            }
        }

        return order;
    }

    public IReadOnlySet<int> ReachableFrom(int start)
    {
        var seen = new HashSet<int> { start };
        var stack = new Stack<int>([start]);
        while (stack.TryPop(out var node))
        {
            foreach (var successor in Successors[node].Where(seen.Add))
            {
                stack.Push(successor);
            }
        }

        return seen;
    }
}
