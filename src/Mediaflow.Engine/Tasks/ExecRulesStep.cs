using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Conditions;
using Mediaflow.Domain.Media;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Nodes;
using Mediaflow.Persistence.Engine;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// Runs an IF node (<c>action-exec-rules</c>) inside the state change that made it ready: no FFmpeg and no node slot,
/// just the pure <see cref="RuleEvaluator"/> over the values its keys' nearest producing ancestors stored (the task's
/// probe for source keys, a QC or review node's Output). The node is recorded like any other (one attempt, PROCESSING
/// then SUCCESS, timings) with Output <c>{RearDriveIndex, MfMatchedRule, MfEvaluations}</c>, and passes its input
/// through. Deterministic, and committed with the dispatches it causes: a crash before the commit re-decides the same.
/// </summary>
public static class ExecRulesStep
{
    public static void Decide(TaskState state, int nodeIndex, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var graph = DagGraph.From(state.Activities);
        var facts = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        string? ActualOf(string key)
        {
            if (ConditionSources.NearestProducer(state.Activities, graph, nodeIndex, key) is not { } producer)
            {
                return null;
            }

            if (!facts.TryGetValue(producer, out var values))
            {
                facts[producer] = values = FactsOf(state, producer);
            }

            return values.GetValueOrDefault(key);
        }

        var decision = RuleEvaluator.Evaluate(state.Activities[nodeIndex].ActivityPara?.ExecRulesTask ?? new ExecRulesTaskInput(), ActualOf);
        var summary = Summary(decision);
        var node = state.Node(nodeIndex);
        TaskState.SetStatus(node, NodeStatus.Processing);
        node.Attempts++;
        node.BeginProcessTime ??= now;
        state.Db.NodeAttempts.Add(new NodeAttemptRow
        {
            TaskId = node.TaskId,
            NodeIndex = nodeIndex,
            Attempt = node.Attempts,
            Outcome = AttemptOutcomes.Success,
            LogTail = summary,
            StartedAt = now,
            FinishedAt = now,
        });
        TaskState.SetStatus(node, NodeStatus.Success);
        node.Progress = 100;
        node.ErrCodeExt = "";
        node.ErrCode = 0;
        node.Message = summary;
        node.FinishTime = now;
        node.OutputBlobId = MediaLineage.InputBlobOf(state, nodeIndex);
        node.OutputJson = Output(decision).ToJsonString(EngineJson.Options);
    }

    /// <summary>The successors each decided IF node of the task selected (its stored Output.RearDriveIndex).</summary>
    public static IReadOnlyDictionary<int, IReadOnlySet<int>> Selections(TaskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var selections = new Dictionary<int, IReadOnlySet<int>>();
        foreach (var node in state.Nodes.Where(n => n.ActivityType == ActivityTypes.ExecRules && n.OutputJson is not null && TaskState.StatusOf(n) == NodeStatus.Success))
        {
            using var output = JsonDocument.Parse(node.OutputJson!);
            selections[node.NodeIndex] = output.RootElement.TryGetProperty("RearDriveIndex", out var selected) && selected.ValueKind == JsonValueKind.Array
                ? selected.EnumerateArray().Select(i => i.GetInt32()).ToHashSet()
                : [];
        }

        return selections;
    }

    private static IReadOnlyDictionary<string, string> FactsOf(TaskState state, int producer)
    {
        var type = state.Activities[producer].ActivityType;
        if (type == ActivityTypes.Input)
        {
            return state.Task.MetaDataJson is { } meta
                ? ConditionFacts.FromSource(EngineJson.Deserialize<MediaMetaData>(meta))
                : new Dictionary<string, string>();
        }

        if (state.Node(producer).OutputJson is not { } json)
        {
            return new Dictionary<string, string>();
        }

        using var output = JsonDocument.Parse(json);
        return type == ConditionKeys.ReviewActivity
            ? ConditionFacts.FromReview(output.RootElement)
            : ConditionFacts.FromQualityControl(output.RootElement);
    }

    private static JsonObject Output(RuleDecision decision) => new()
    {
        ["RearDriveIndex"] = new JsonArray(decision.Selected.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        ["MfMatchedRule"] = decision.MatchedRule,
        ["MfEvaluations"] = new JsonArray(decision.Evaluations.Select(e => (JsonNode?)new JsonObject
        {
            ["Rule"] = e.Rule,
            ["Key"] = e.Key,
            ["Value"] = e.Value,
            ["Actual"] = e.Actual,
            ["Holds"] = e.Holds,
        }).ToArray()),
    };

    private static string Summary(RuleDecision decision) => decision.MatchedRule < 0
        ? "no rule holds; nothing runs below this node"
        : string.Create(CultureInfo.InvariantCulture,
            $"Rules[{decision.MatchedRule}] holds; runs {(decision.Selected.Count == 0 ? "nothing" : string.Join(", ", decision.Selected.Select(i => $"Activities[{i}]")))}");
}
