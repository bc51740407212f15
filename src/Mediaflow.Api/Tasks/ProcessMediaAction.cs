using Mediaflow.Api.Actions;
using Mediaflow.Application.Tasks;

namespace Mediaflow.Api.Tasks;

/// <summary><c>ProcessMedia</c> → <c>{TaskId}</c>: a schedule's DAG (any status) or inline Activities on one COS input.</summary>
public static class ProcessMediaAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<ProcessMediaRequest, TaskService>("ProcessMedia", r => MpsRequire.Present(r.InputInfo, nameof(r.InputInfo)),
            async (request, caller, tasks, cancellationToken) => new { TaskId = await tasks.ProcessMediaAsync(caller.AppId, request, cancellationToken) });
    }
}
