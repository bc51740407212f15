using Mediaflow.Api.Actions;
using Mediaflow.Application.Schedules;

namespace Mediaflow.Api.Schedules;

/// <summary><c>DeleteSchedule</c>, <c>EnableSchedule</c>, <c>DisableSchedule</c>: one ScheduleId in, nothing out.</summary>
public static class ScheduleLifecycleActions
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Add(table, "DeleteSchedule", (s, appId, id, ct) => s.DeleteAsync(appId, id, ct));
        Add(table, "EnableSchedule", (s, appId, id, ct) => s.EnableAsync(appId, id, ct));
        Add(table, "DisableSchedule", (s, appId, id, ct) => s.DisableAsync(appId, id, ct));
    }

    private static void Add(MpsActionTable table, string action, Func<ScheduleService, long, long, CancellationToken, Task> operation) =>
        table.Add<ScheduleIdRequest, ScheduleService>(action, async (request, caller, schedules, cancellationToken) =>
        {
            await operation(schedules, caller.AppId, request.ScheduleId!.Value, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
}
