namespace Mediaflow.Domain.Conditions;

/// <summary>One condition as evaluated (wire <c>MfEvaluations[]</c>): the raw Key and Value, the value found (null when
/// missing at run time) and whether it held. <paramref name="Rule"/> is the index of the rule it belongs to.</summary>
public sealed record ConditionEvaluation(int Rule, string Key, string Value, string? Actual, bool Holds);
