using Mediaflow.Api.Actions;
using Mediaflow.Application.Tasks;

namespace Mediaflow.Api.Tasks;

/// <summary><c>DescribeTaskDetail</c>: status, times and the ScheduleTask with per-node results (plus our <c>MfAttempts</c>).</summary>
public static class DescribeTaskDetailAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, TaskQueryService>("DescribeTaskDetail", async (request, caller, tasks, cancellationToken) =>
            await tasks.DetailAsync(caller.AppId, request.TaskId!, cancellationToken));
    }

    public sealed class Request : IMpsRequest
    {
        public string? TaskId { get; init; }

        public void Validate() => MpsRequire.Present(TaskId, nameof(TaskId));
    }
}
