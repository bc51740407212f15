namespace Mediaflow.Application.Workflows;

public sealed record DescribeWorkflowsQuery(IReadOnlyList<long>? WorkflowIds, string? Status, long Offset, long Limit);
