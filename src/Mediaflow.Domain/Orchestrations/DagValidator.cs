using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// Structural rules of an orchestration's DAG (DESIGN §7.4, reference/mps-api.md §6.1): one input, one output, indexes
/// in range, acyclic, every action node has exactly one predecessor, the output is reachable, and each node's
/// ActivityPara matches its type. Errors name the node: <c>Activities[i]: …</c>.
/// </summary>
public static class DagValidator
{
    public static void Validate(IReadOnlyList<Activity>? activities)
    {
        if (activities is null || activities.Count == 0)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Activities is required");
        }

        var count = activities.Count;
        var inputs = new List<int>();
        var outputs = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var activity = activities[i] ?? throw Invalid(i, "is null");
            ValidateNode(i, activity, count);
            if (activity.ActivityType == ActivityTypes.Input)
            {
                inputs.Add(i);
            }
            else if (activity.ActivityType == ActivityTypes.Output)
            {
                outputs.Add(i);
            }
        }

        // Count errors name a node too (DESIGN §7.5): the second input/output, else where one is conventionally expected.
        if (inputs.Count == 0)
        {
            throw Invalid(0, "exactly one input node is required, found none");
        }

        if (inputs.Count > 1)
        {
            throw Invalid(inputs[1], $"is a second input node (the first is Activities[{inputs[0]}]); exactly one is allowed");
        }

        if (outputs.Count == 0)
        {
            throw Invalid(count - 1, "exactly one output node is required, found none");
        }

        if (outputs.Count > 1)
        {
            throw Invalid(outputs[1], $"is a second output node (the first is Activities[{outputs[0]}]); exactly one is allowed");
        }

        var graph = DagGraph.From(activities);
        CheckPredecessors(activities, graph, inputs[0]);
        CheckAcyclic(graph);
        CheckReachability(graph, inputs[0], outputs[0], activities);
    }

    private static void ValidateNode(int index, Activity activity, int count)
    {
        var type = activity.ActivityType;
        if (string.IsNullOrEmpty(type))
        {
            throw Invalid(index, "ActivityType is required");
        }

        foreach (var successor in activity.ReardriveIndex ?? [])
        {
            if (successor < 0 || successor >= count)
            {
                throw Invalid(index, $"ReardriveIndex {successor} is out of range 0..{count - 1}");
            }

            if (successor == index)
            {
                throw Invalid(index, "ReardriveIndex points to the node itself");
            }
        }

        var members = activity.ActivityPara?.SetMembers() ?? [];
        if (type is ActivityTypes.Input or ActivityTypes.Output)
        {
            if (members.Count > 0)
            {
                throw Invalid(index, $"{type} takes no ActivityPara, found {string.Join(", ", members)}");
            }

            if (type == ActivityTypes.Output && activity.ReardriveIndex is { Count: > 0 })
            {
                throw Invalid(index, "output has no successors");
            }

            return;
        }

        if (!ActivityTypes.KnownActions.Contains(type))
        {
            throw Invalid(index, $"unknown ActivityType '{type}'");
        }

        if (!ActivityTypes.ImplementedActions.Contains(type))
        {
            throw Invalid(index, $"ActivityType '{type}' is not supported by this server yet");
        }

        var expected = ExpectedParaMember(type);
        if (members.Count != 1 || members[0] != expected)
        {
            throw Invalid(index, $"{type} needs ActivityPara.{expected} and nothing else, found [{string.Join(", ", members)}]");
        }

        if (activity.ReardriveIndex is null || activity.ReardriveIndex.Count == 0)
        {
            throw Invalid(index, $"{type} has no successor; connect it to the output");
        }
    }

    private static string ExpectedParaMember(string type) => type switch
    {
        ActivityTypes.Transcode => nameof(ActivityPara.TranscodeTask),
        ActivityTypes.SnapshotByTimeOffset => nameof(ActivityPara.SnapshotByTimeOffsetTask),
        ActivityTypes.SampleSnapshot => nameof(ActivityPara.SampleSnapshotTask),
        ActivityTypes.ImageSprite => nameof(ActivityPara.ImageSpriteTask),
        ActivityTypes.AnimatedGraphics => nameof(ActivityPara.AnimatedGraphicTask),
        ActivityTypes.AdaptiveDynamicStreaming => nameof(ActivityPara.AdaptiveDynamicStreamingTask),
        ActivityTypes.QualityControl => nameof(ActivityPara.QualityControlTask),
        ActivityTypes.ExecRules => nameof(ActivityPara.ExecRulesTask),
        ActivityTypes.AiRecognition => nameof(ActivityPara.AiRecognitionTask),
        ActivityTypes.AiAnalysis => nameof(ActivityPara.AiAnalysisTask),
        ActivityTypes.SmartErase => nameof(ActivityPara.SmartEraseTask),
        ActivityTypes.AiContentReview => nameof(ActivityPara.AiContentReviewTask),
        ActivityTypes.SmartSubtitles => nameof(ActivityPara.SmartSubtitlesTask),
        _ => throw new InvalidOperationException($"no para member known for {type}"),
    };

    private static void CheckPredecessors(IReadOnlyList<Activity> activities, DagGraph graph, int input)
    {
        for (var i = 0; i < activities.Count; i++)
        {
            var predecessors = graph.Predecessors[i];
            var type = activities[i].ActivityType;
            if (i == input)
            {
                if (predecessors.Count > 0)
                {
                    throw Invalid(i, "input cannot have predecessors");
                }
            }
            else if (type == ActivityTypes.Output)
            {
                if (predecessors.Count == 0)
                {
                    throw Invalid(i, "output has no predecessor");
                }
            }
            else if (predecessors.Count != 1)
            {
                throw Invalid(i, predecessors.Count == 0
                    ? "has no predecessor; connect it from the input or another node"
                    : $"has {predecessors.Count} predecessors ({string.Join(", ", predecessors)}); only output may join branches");
            }
        }
    }

    private static void CheckAcyclic(DagGraph graph)
    {
        var order = graph.TopologicalOrder();
        if (order.Count != graph.Successors.Count)
        {
            // Kahn's leftovers include nodes merely downstream of a cycle; name the lowest index that reaches itself.
            var inCycle = Enumerable.Range(0, graph.Successors.Count).Except(order)
                .First(node => graph.Successors[node].Any(successor => graph.ReachableFrom(successor).Contains(node)));
            throw Invalid(inCycle, "is part of a cycle");
        }
    }

    private static void CheckReachability(DagGraph graph, int input, int output, IReadOnlyList<Activity> activities)
    {
        var reachable = graph.ReachableFrom(input);
        if (!reachable.Contains(output))
        {
            throw Invalid(output, "output is not reachable from the input");
        }

        for (var i = 0; i < activities.Count; i++)
        {
            if (!reachable.Contains(i))
            {
                throw Invalid(i, "is not reachable from the input");
            }
        }
    }

    private static ApiException Invalid(int index, string message) =>
        new(ApiErrorCodes.InvalidParameterValue, $"Activities[{index}]: {message}");
}
