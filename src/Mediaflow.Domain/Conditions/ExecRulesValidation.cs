using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Conditions;

/// <summary>
/// Save-time rules of an IF node (CreateSchedule, ModifySchedule, ProcessMedia's inline DAG): at least one rule, a
/// Linker of <c>&amp;&amp;</c> or <c>||</c>, <c>RearDriveIndexs</c> among the node's successors, every condition's key
/// known and produced by an ancestor, every value parseable and fit for its key's kind. Errors are
/// <c>InvalidParameterValue</c> with a message starting <c>Activities[i]: </c> (DESIGN §7.5).
/// </summary>
public static class ExecRulesValidation
{
    public static void Validate(int index, IReadOnlyList<Activity> activities, DagGraph graph)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(graph);
        var activity = activities[index];
        var rules = activity.ActivityPara?.ExecRulesTask?.Rules;
        if (rules is null || rules.Count == 0)
        {
            throw Invalid(index, "ExecRulesTask.Rules needs at least one rule");
        }

        var successors = (activity.ReardriveIndex ?? []).ToHashSet();
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r] ?? throw Invalid(index, $"Rules[{r}] is null");
            if (rule.Linker is not (null or "" or "&&" or "||"))
            {
                throw Invalid(index, $"Rules[{r}].Linker '{rule.Linker}' must be && or ||");
            }

            foreach (var next in rule.RearDriveIndexs ?? [])
            {
                if (!successors.Contains(next))
                {
                    throw Invalid(index, $"Rules[{r}].RearDriveIndexs: {next} is not a successor of this node (ReardriveIndex [{string.Join(", ", successors)}])");
                }
            }

            var conditions = rule.Conditions ?? [];
            for (var c = 0; c < conditions.Count; c++)
            {
                ValidateCondition(index, $"Rules[{r}].Conditions[{c}]", conditions[c], activities, graph);
            }
        }
    }

    private static void ValidateCondition(int index, string at, RuleConditionItem? condition, IReadOnlyList<Activity> activities, DagGraph graph)
    {
        if (condition is null)
        {
            throw Invalid(index, $"{at} is null");
        }

        if (string.IsNullOrEmpty(condition.Key))
        {
            throw Invalid(index, $"{at}.Key is required");
        }

        var key = condition.Key;
        var kind = ConditionKeys.KindOf(key) ?? throw Invalid(index, $"{at}.Key '{key}' is not a condition key (keys are case-sensitive; see docs/if-conditions.md)");
        if (ConditionSources.NearestProducer(activities, graph, index, key) is null)
        {
            var families = new[] { ConditionKeys.QualityControlActivity, ConditionKeys.ReviewActivity }.Where(f => ConditionKeys.ProducedBy(f).ContainsKey(key));
            throw Invalid(index, $"{at}.Key '{key}' is produced by {string.Join(" or ", families)}, and no such node precedes this node");
        }

        if (!ConditionValue.TryParse(condition.Value, out var value, out var error))
        {
            throw Invalid(index, $"{at}.Value '{condition.Value}': {error}");
        }

        var problem = kind switch
        {
            ConditionKeyKind.Number when !value.IsNumeric => $"{key} is a number; '{value.Literal}' is not",
            ConditionKeyKind.Presence or ConditionKeyKind.Boolean when value.Orders => $"{key} is true or false; use == or != (or no operator)",
            ConditionKeyKind.Presence or ConditionKeyKind.Boolean when value.Literal.Length > 0 && !bool.TryParse(value.Literal, out _)
                => $"{key} is true or false; '{value.Literal}' is neither",
            ConditionKeyKind.Text when value.Orders => $"{key} is a name; use == or != (or no operator), not an ordering (a bare number means >=)",
            _ => null,
        };
        if (problem is not null)
        {
            throw Invalid(index, $"{at}.Value '{condition.Value}': {problem}");
        }
    }

    private static ApiException Invalid(int index, string message) =>
        new(ApiErrorCodes.InvalidParameterValue, $"Activities[{index}]: {message}");
}
