using Mediaflow.Api.Actions;
using Mediaflow.Application.Schedules;

namespace Mediaflow.Api.Schedules;

/// <summary><c>ModifySchedule</c>: absent fields are unchanged, Activities are replaced whole; refused while Enabled.</summary>
public static class ModifyScheduleAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<ScheduleChanges, ScheduleService>("ModifySchedule", r => MpsRequire.Present(r.ScheduleId, nameof(r.ScheduleId)),
            async (request, caller, schedules, cancellationToken) =>
            {
                await schedules.ModifyAsync(caller.AppId, request.ScheduleId!.Value, request, cancellationToken);
                return MpsEmptyResponse.Instance;
            });
    }
}
