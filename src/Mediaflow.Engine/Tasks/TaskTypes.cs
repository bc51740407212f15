namespace Mediaflow.Engine.Tasks;

/// <summary>The wire <c>TaskType</c> of a task: which orchestration kind started it (reference/mps-api.md §5.1).</summary>
public static class TaskTypes
{
    public const string ScheduleTask = "ScheduleTask";
    public const string WorkflowTask = "WorkflowTask";
}
