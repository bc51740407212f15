using Mediaflow.Api.Actions;
using Mediaflow.Application.Tasks;

namespace Mediaflow.Api.Tasks;

/// <summary><c>ManageTask</c> with OperationType <c>Abort</c> (WAITING and PROCESSING tasks).</summary>
public static class ManageTaskAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, TaskService>("ManageTask", async (request, caller, tasks, cancellationToken) =>
        {
            await tasks.ManageAsync(caller.AppId, request.OperationType!, request.TaskId!, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
    }

    public sealed class Request : IMpsRequest
    {
        public string? OperationType { get; init; }
        public string? TaskId { get; init; }

        public void Validate()
        {
            MpsRequire.Present(OperationType, nameof(OperationType));
            MpsRequire.Present(TaskId, nameof(TaskId));
        }
    }
}
