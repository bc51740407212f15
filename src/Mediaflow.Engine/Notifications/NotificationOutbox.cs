using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence.Engine;
using Wolverine;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// Writes task events to the notification outbox inside the caller's transaction (the state change that caused them)
/// and publishes their delivery through the same outbox. Delivery happens later and never blocks the task.
/// </summary>
public sealed class NotificationOutbox(TimeProvider time)
{
    public async Task EnqueueAsync(TaskState state, NotificationKind kind, IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(bus);
        if (state.Task.NotifyJson is null)
        {
            return;
        }

        var config = EngineJson.Deserialize<TaskNotifyConfig>(state.Task.NotifyJson);
        if (config.EffectiveType != TaskNotifyConfig.TypeUrl || string.IsNullOrEmpty(config.NotifyUrl))
        {
            return;
        }

        if (config.EffectiveMode == TaskNotifyConfig.ModeFinish && kind != NotificationKind.TaskFinished)
        {
            return;
        }

        var body = new JsonObject
        {
            ["EventType"] = state.Task.TaskType,
            ["ScheduleTaskEvent"] = state.Task.TaskType == TaskTypes.WorkflowTask ? null : ScheduleTaskView.Build(state.Task, state.Nodes),
            ["WorkflowTaskEvent"] = state.Task.TaskType == TaskTypes.WorkflowTask ? WorkflowTaskView.Build(ScheduleTaskView.Build(state.Task, state.Nodes)) : null,
            ["EditMediaTaskEvent"] = null,
            ["BatchTaskEvent"] = null,
            ["ExtractBlindWatermarkTask"] = null,
            ["SessionId"] = state.Task.SessionId,
            ["SessionContext"] = state.Task.SessionContext,
        };
        var row = new NotificationRow
        {
            EventId = Guid.NewGuid().ToString("N"),
            AppId = state.Task.AppId,
            TaskId = state.Task.TaskId,
            // Orders the events of one task (FIFO per task and target): by revision, then by order within the change.
            Sequence = ((state.Task.Revision + 1) * 1000L) + state.Db.Notifications.Local.Count(n => n.TaskId == state.Task.TaskId),
            NotifyType = TaskNotifyConfig.TypeUrl,
            Target = config.NotifyUrl,
            NotifyKey = config.NotifyKey ?? "",
            BodyJson = body.ToJsonString(EngineJson.Options),
            Status = NotificationStatus.Pending,
            CreatedAt = time.GetUtcNow(),
        };
        state.Db.Notifications.Add(row);
        await bus.PublishAsync(new DeliverNotification(row.EventId));
    }
}
