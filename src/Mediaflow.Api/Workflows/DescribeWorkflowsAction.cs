using Mediaflow.Api.Actions;
using Mediaflow.Application.Workflows;

namespace Mediaflow.Api.Workflows;

/// <summary><c>DescribeWorkflows</c> → <c>{TotalCount, WorkflowInfoSet}</c>; schedules are not listed.</summary>
public static class DescribeWorkflowsAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, WorkflowService>("DescribeWorkflows", async (request, caller, workflows, cancellationToken) =>
        {
            var (total, items) = await workflows.DescribeAsync(caller.AppId,
                new DescribeWorkflowsQuery(request.WorkflowIds, request.Status, request.Offset ?? 0, request.Limit ?? 10), cancellationToken);
            return new { TotalCount = total, WorkflowInfoSet = items };
        });
    }

    public sealed class Request : IMpsRequest
    {
        public IReadOnlyList<long>? WorkflowIds { get; init; }
        public string? Status { get; init; }
        public long? Offset { get; init; }
        public long? Limit { get; init; }

        public void Validate()
        {
        }
    }
}
