namespace Mediaflow.Engine.Tasks;

/// <summary>Task ids look like Tencent's: <c>&lt;appid&gt;-ScheduleTask-&lt;32 hex&gt;</c>; clients treat them as opaque.</summary>
public static class TaskIds
{
    public static string NewScheduleTaskId(long appId) => NewTaskId(appId, TaskTypes.ScheduleTask);

    public static string NewTaskId(long appId, string taskType) => $"{appId}-{taskType}-{Guid.NewGuid():N}";
}
