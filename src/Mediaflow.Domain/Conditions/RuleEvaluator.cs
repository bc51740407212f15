using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Conditions;

/// <summary>
/// Evaluates an IF node's rules (DESIGN §7.4, pure): in array order, the first rule that holds wins; a rule holds when
/// all (<c>&amp;&amp;</c>, also when Linker is absent) or any (<c>||</c>) of its conditions hold, and always when it has
/// none (the else). Every condition of each rule tried is evaluated (no short circuit), so the record says why.
/// A key whose value is missing makes its condition false.
/// </summary>
public static class RuleEvaluator
{
    /// <param name="actualOf">The value of a key at run time, or null when it is missing.</param>
    public static RuleDecision Evaluate(ExecRulesTaskInput task, Func<string, string?> actualOf)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(actualOf);
        var evaluations = new List<ConditionEvaluation>();
        var rules = task.Rules ?? [];
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var results = (rule.Conditions ?? []).Select(condition => EvaluateCondition(r, condition, actualOf)).ToList();
            evaluations.AddRange(results);
            var holds = results.Count == 0
                || (rule.Linker == "||" ? results.Any(e => e.Holds) : results.All(e => e.Holds));
            if (holds)
            {
                return new RuleDecision(r, (rule.RearDriveIndexs ?? []).Distinct().ToList(), evaluations);
            }
        }

        return new RuleDecision(-1, [], evaluations);
    }

    private static ConditionEvaluation EvaluateCondition(int rule, RuleConditionItem condition, Func<string, string?> actualOf)
    {
        var key = condition.Key ?? "";
        var raw = condition.Value ?? "";
        var actual = key.Length == 0 ? null : actualOf(key);
        if (actual is null || !ConditionValue.TryParse(raw, out var value, out _))
        {
            return new ConditionEvaluation(rule, key, raw, actual, false);
        }

        if (ConditionKeys.KindOf(key) is ConditionKeyKind.Presence or ConditionKeyKind.Boolean && value.Literal.Length == 0)
        {
            value = value with { Literal = "true" };
        }

        return new ConditionEvaluation(rule, key, raw, actual, value.Holds(actual));
    }
}
