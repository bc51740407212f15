using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Workflows;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// Which file a node reads (DESIGN §7.4): the output of its nearest media-producing ancestor (a transcode …), the
/// task's source when there is none. QC, AI, IF and image nodes pass their input through.
/// </summary>
public static class MediaLineage
{
    public static string InputBlobOf(TaskState state, int nodeIndex)
    {
        ArgumentNullException.ThrowIfNull(state);
        var graph = DagGraph.From(state.Activities);
        var current = nodeIndex;
        while (graph.Predecessors[current] is [var predecessor, ..] && state.Activities[predecessor].ActivityType != ActivityTypes.Input)
        {
            var type = state.Activities[predecessor].ActivityType;
            if (NodeTypeCatalog.All.Any(n => n.ActivityType == type && n.ProducesMedia) && state.Node(predecessor).OutputBlobId is { } blob)
            {
                return blob;
            }

            current = predecessor;
        }

        return state.Task.InputBlobId;
    }
}
