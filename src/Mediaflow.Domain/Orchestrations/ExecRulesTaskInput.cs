namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// <c>ActivityPara.ExecRulesTask</c> of an IF node (<c>action-exec-rules</c>, reference/mps-api.md §6.2): the rules in
/// array order are the branch priority; the first that holds selects its successors (DESIGN §7.4). Stored and echoed
/// exactly as submitted: every value is a raw string.
/// </summary>
public sealed record ExecRulesTaskInput
{
    public IReadOnlyList<ExecRule>? Rules { get; init; }
}
