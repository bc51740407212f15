using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Conditions;

/// <summary>Where an IF node's condition key gets its value: the nearest ancestor whose family produces the key (pure).</summary>
public static class ConditionSources
{
    /// <summary>The nearest ancestor of <paramref name="node"/> (walking predecessors up to the input) that produces
    /// <paramref name="key"/>, or null when none does. Source keys are produced by the input node.</summary>
    public static int? NearestProducer(IReadOnlyList<Activity> activities, DagGraph graph, int node, string key)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(graph);
        var seen = new HashSet<int> { node };
        var current = node;
        while (graph.Predecessors[current] is [var predecessor, ..] && seen.Add(predecessor))
        {
            if (ConditionKeys.ProducedBy(activities[predecessor].ActivityType).ContainsKey(key))
            {
                return predecessor;
            }

            current = predecessor;
        }

        return null;
    }
}
