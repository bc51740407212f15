using Mediaflow.Api.Actions;
using Mediaflow.Application.Workflows;

namespace Mediaflow.Api.Workflows;

/// <summary><c>DeleteWorkflow</c>, <c>EnableWorkflow</c>, <c>DisableWorkflow</c>: one WorkflowId in, nothing out.</summary>
public static class WorkflowLifecycleActions
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Add(table, "DeleteWorkflow", (s, appId, id, ct) => s.DeleteAsync(appId, id, ct));
        Add(table, "EnableWorkflow", (s, appId, id, ct) => s.EnableAsync(appId, id, ct));
        Add(table, "DisableWorkflow", (s, appId, id, ct) => s.DisableAsync(appId, id, ct));
    }

    private static void Add(MpsActionTable table, string action, Func<WorkflowService, long, long, CancellationToken, Task> operation) =>
        table.Add<WorkflowIdRequest, WorkflowService>(action, async (request, caller, workflows, cancellationToken) =>
        {
            await operation(workflows, caller.AppId, request.WorkflowId!.Value, cancellationToken);
            return MpsEmptyResponse.Instance;
        });

    public sealed class WorkflowIdRequest : IMpsRequest
    {
        public long? WorkflowId { get; init; }

        public void Validate() => MpsRequire.Present(WorkflowId, nameof(WorkflowId));
    }
}
