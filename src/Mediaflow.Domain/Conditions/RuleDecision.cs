namespace Mediaflow.Domain.Conditions;

/// <summary>What an IF node decided: the first rule that held (-1: none), the successors it selects (empty when none)
/// and every condition evaluated on the way, in order.</summary>
public sealed record RuleDecision(int MatchedRule, IReadOnlyList<long> Selected, IReadOnlyList<ConditionEvaluation> Evaluations);
