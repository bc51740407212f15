namespace Mediaflow.Domain.Orchestrations;

/// <summary>One rule of an IF node (wire type <c>Rules</c>): its Conditions joined by Linker select <c>RearDriveIndexs</c>.</summary>
public sealed record ExecRule
{
    public string? Id { get; init; }

    /// <summary>Empty or absent: the rule always holds (the else branch).</summary>
    public IReadOnlyList<RuleConditionItem>? Conditions { get; init; }

    /// <summary><c>&amp;&amp;</c> (all hold; also when absent) or <c>||</c> (any holds).</summary>
    public string? Linker { get; init; }

    /// <summary>The successors (Activities indexes, a subset of the IF node's <c>ReardriveIndex</c>) that run when this rule wins.</summary>
    public IReadOnlyList<long>? RearDriveIndexs { get; init; }
}
