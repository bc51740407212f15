namespace Mediaflow.Domain.Orchestrations;

/// <summary>One condition: a key (<c>Conditions.ConditionKeys</c>) and a value with an optional comparison prefix (<c>Conditions.ConditionValue</c>).</summary>
public sealed record RuleConditionItem
{
    public string? Key { get; init; }

    public string? Value { get; init; }
}
