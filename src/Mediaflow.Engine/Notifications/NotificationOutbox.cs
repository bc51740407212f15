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
    public const string EventType = "ScheduleTask";

    public async Task EnqueueAsync(TaskState state, NotificationKind kind, IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(bus);
        if (state.Task.NotifyJson is null)
        {
            return;
        }

        var config = EngineJson.Deserialize<TaskNotifyConfig>(state.Task.NotifyJson);
        if (Destination(config, state.Task.ScheduleId, state.Task.TaskType) is not var (channel, target, routingKey))
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
            ScheduleId = state.Task.ScheduleId,
            NotifyType = channel,
            Target = target,
            RoutingKey = routingKey,
            NotifyKey = config.NotifyKey ?? "",
            BodyJson = body.ToJsonString(EngineJson.Options),
            Status = NotificationStatus.Pending,
            CreatedAt = time.GetUtcNow(),
        };
        state.Db.Notifications.Add(row);
        await bus.PublishAsync(new DeliverNotification(row.EventId));
    }

    /// <summary>The delivery channel, target and (topic model) routing key <c>&lt;EventType&gt;.&lt;ScheduleId&gt;</c> of a config.</summary>
    public static (string Channel, string Target, string RoutingKey)? Destination(TaskNotifyConfig config, long scheduleId, string eventType = EventType)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.EffectiveType switch
        {
            TaskNotifyConfig.TypeUrl when !string.IsNullOrEmpty(config.NotifyUrl) => (NotificationChannel.Url, config.NotifyUrl, ""),
            TaskNotifyConfig.TypeScf when !string.IsNullOrEmpty(config.NotifyUrl) => (NotificationChannel.Function, config.NotifyUrl, ""),
            TaskNotifyConfig.TypeCmq or TaskNotifyConfig.TypeTdmqCmq => config.CmqModel switch
            {
                TaskNotifyConfig.CmqQueue when !string.IsNullOrEmpty(config.QueueName) => (NotificationChannel.Queue, config.QueueName, ""),
                TaskNotifyConfig.CmqTopic when !string.IsNullOrEmpty(config.TopicName) =>
                    (NotificationChannel.Topic, config.TopicName, $"{eventType}.{scheduleId.ToString(System.Globalization.CultureInfo.InvariantCulture)}"),
                _ => null,
            },
            _ => null,
        };
    }
}
