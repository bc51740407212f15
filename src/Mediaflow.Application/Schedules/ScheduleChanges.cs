using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Application.Schedules;

/// <summary>ModifySchedule: every field optional (null = unchanged); Activities replace the whole list; OutputDir "" clears it.</summary>
public sealed record ScheduleChanges
{
    /// <summary>The schedule to change (required on the wire).</summary>
    public long? ScheduleId { get; init; }

    public string? ScheduleName { get; init; }
    public WorkflowTrigger? Trigger { get; init; }
    public IReadOnlyList<Activity>? Activities { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputDir { get; init; }
    public TaskNotifyConfig? TaskNotifyConfig { get; init; }
    public string? ResourceId { get; init; }
    public string? MfCanvasLayout { get; init; }

    public OrchestrationDefinition ApplyTo(OrchestrationDefinition current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with
        {
            ScheduleName = ScheduleName ?? current.ScheduleName,
            Trigger = Trigger ?? current.Trigger,
            Activities = Activities ?? current.Activities,
            OutputStorage = OutputStorage ?? current.OutputStorage,
            OutputDir = OutputDir is null ? current.OutputDir : (OutputDir.Length == 0 ? null : OutputDir),
            TaskNotifyConfig = TaskNotifyConfig ?? current.TaskNotifyConfig,
            ResourceId = ResourceId ?? current.ResourceId,
            MfCanvasLayout = MfCanvasLayout ?? current.MfCanvasLayout,
        };
    }
}
