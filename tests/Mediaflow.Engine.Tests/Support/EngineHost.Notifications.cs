using Mediaflow.Engine.Notifications;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>The notification outbox of a task, as the delivery log (MfDescribeNotificationDeliveries) will show it.</summary>
public sealed partial class EngineHost
{
    public async Task<IReadOnlyList<OutboxEntry>> NotificationsAsync(string taskId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
        return await db.Notifications.AsNoTracking().Where(n => n.TaskId == taskId).OrderBy(n => n.Sequence)
            .Select(n => new OutboxEntry(n.EventId, n.Status, n.Attempts, n.LastError)).ToListAsync();
    }

    /// <summary>Waits until the task has events in the outbox and every one of them is delivered.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> WaitForNotificationsDeliveredAsync(string taskId)
    {
        IReadOnlyList<OutboxEntry> entries = [];
        await Eventually.WaitAsync(async () =>
        {
            entries = await NotificationsAsync(taskId);
            return entries.Count > 0 && entries.All(e => e.Status == NotificationStatus.Delivered);
        }, TimeSpan.FromSeconds(60), () => $"notifications of {taskId} delivered: {string.Join(", ", entries)}\nhost log:\n{Log.Tail()}");
        return entries;
    }
}

/// <summary>One outbox row: its stable event id, delivery status and attempts.</summary>
public sealed record OutboxEntry(string EventId, string Status, int Attempts, string LastError);
