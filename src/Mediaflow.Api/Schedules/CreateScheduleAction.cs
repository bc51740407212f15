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
        table.Add<Request, ScheduleService>("CreateSchedule", async (request, caller, schedules, cancellationToken) =>
            new { ScheduleId = await schedules.CreateAsync(caller.AppId, request.ToDefinition(), cancellationToken) });
    }

    public sealed class Request : IMpsRequest
    {
        public string? ScheduleName { get; init; }
        public WorkflowTrigger? Trigger { get; init; }
        public IReadOnlyList<Activity>? Activities { get; init; }
        public TaskOutputStorage? OutputStorage { get; init; }
        public string? OutputDir { get; init; }
        public TaskNotifyConfig? TaskNotifyConfig { get; init; }
        public string? ResourceId { get; init; }

        public void Validate()
        {
            MpsRequire.Present(ScheduleName, nameof(ScheduleName));
            MpsRequire.Present(Trigger, nameof(Trigger));
            MpsRequire.Present(Activities, nameof(Activities));
        }

        public OrchestrationDefinition ToDefinition() => new()
        {
            ScheduleName = ScheduleName,
            Trigger = Trigger,
            Activities = Activities,
            OutputStorage = OutputStorage,
            OutputDir = OutputDir,
            TaskNotifyConfig = TaskNotifyConfig,
            ResourceId = ResourceId,
        };
    }
}
