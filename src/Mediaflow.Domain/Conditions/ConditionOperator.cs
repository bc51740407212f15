namespace Mediaflow.Domain.Conditions;

/// <summary>The comparison a condition value starts with (<c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>, <c>==</c>, <c>!=</c>).</summary>
public enum ConditionOperator
{
    Equal,
    NotEqual,
    GreaterOrEqual,
    Greater,
    LessOrEqual,
    Less,
}
