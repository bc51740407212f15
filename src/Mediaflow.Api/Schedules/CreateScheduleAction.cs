using Mediaflow.Api.Actions;
using Mediaflow.Application.Schedules;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Api.Schedules;

/// <summary><c>CreateSchedule</c> → <c>{ScheduleId}</c>; the orchestration is stored Disabled.</summary>
public static class CreateScheduleAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<OrchestrationDefinition, ScheduleService>("CreateSchedule", Validate, async (request, caller, schedules, cancellationToken) =>
            new { ScheduleId = await schedules.CreateAsync(caller.AppId, request, cancellationToken) });
    }

    private static void Validate(OrchestrationDefinition request)
    {
        MpsRequire.Present(request.ScheduleName, nameof(request.ScheduleName));
        MpsRequire.Present(request.Trigger, nameof(request.Trigger));
        MpsRequire.Present(request.Activities, nameof(request.Activities));
    }
}
