using Mediaflow.Api.Actions;
using Mediaflow.Application.Schedules;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Api.Schedules;

/// <summary><c>ModifySchedule</c>: absent fields are unchanged, Activities are replaced whole; refused while Enabled.</summary>
public static class ModifyScheduleAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, ScheduleService>("ModifySchedule", async (request, caller, schedules, cancellationToken) =>
        {
            await schedules.ModifyAsync(caller.AppId, request.ScheduleId!.Value, request.ToChanges(), cancellationToken);
            return MpsEmptyResponse.Instance;
        });
    }

    public sealed class Request : IMpsRequest
    {
        public long? ScheduleId { get; init; }
        public string? ScheduleName { get; init; }
        public WorkflowTrigger? Trigger { get; init; }
        public IReadOnlyList<Activity>? Activities { get; init; }
        public TaskOutputStorage? OutputStorage { get; init; }
        public string? OutputDir { get; init; }
        public TaskNotifyConfig? TaskNotifyConfig { get; init; }
        public string? ResourceId { get; init; }

        public void Validate() => MpsRequire.Present(ScheduleId, nameof(ScheduleId));

        public ScheduleChanges ToChanges() => new()
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
