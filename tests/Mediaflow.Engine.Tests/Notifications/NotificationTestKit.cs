using Mediaflow.Application.Notifications;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Notifications;

/// <summary>Cheap tasks that notify, and the delivery log as MfDescribeNotificationDeliveries shows it.</summary>
public static class NotificationTestKit
{
    public static long NewAppId() => 1_250_000_000L + Random.Shared.NextInt64(1, 700_000_000);

    public static TaskNotifyConfig Url(Uri url, string mode = TaskNotifyConfig.ModeFinish) =>
        new() { NotifyType = TaskNotifyConfig.TypeUrl, NotifyMode = mode, NotifyUrl = url.ToString(), NotifyKey = "kit-key" };

    /// <summary>Uploads the short audio source into a new bucket of the account; returns the bucket.</summary>
    public static async Task<string> SourceAsync(EngineHost host, SourceMedia media, long appId, string purpose)
    {
        var bucket = $"{purpose}-{appId}";
        await host.CreateBucketAsync(appId, bucket);
        await host.UploadAsync(appId, bucket, "audio.m4a", media.AudioOnly);
        return bucket;
    }

    /// <summary>One audio transcode (the cheapest real task) that notifies as configured.</summary>
    public static Task<string> RunAsync(EngineHost host, long appId, string bucket, TaskNotifyConfig notify, long? scheduleId = null) =>
        host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "audio.m4a"),
            OutputDir = $"/{Guid.NewGuid():N}/",
            ScheduleId = scheduleId,
            Activities = scheduleId is null ? [Input(1), Transcode(M4a(), "{inputName}_n.{format}", 2), Output()] : null,
            TaskNotifyConfig = notify,
        });

    public static async Task<IReadOnlyList<NotificationDeliveryView>> LogAsync(EngineHost host, long appId, string? taskId = null, string? eventId = null) =>
        (await host.WithAsync<NotificationDeliveryService, (long, IReadOnlyList<NotificationDeliveryView>)>(
            s => s.DescribeAsync(appId, new NotificationDeliveryQuery(taskId, eventId, null, 100, 0), CancellationToken.None))).Item2;

    /// <summary>Waits until every event of the task has left PENDING; returns them oldest first.</summary>
    public static async Task<IReadOnlyList<NotificationDeliveryView>> WaitSettledAsync(EngineHost host, long appId, string taskId, string status)
    {
        IReadOnlyList<NotificationDeliveryView> events = [];
        await Eventually.WaitAsync(async () =>
        {
            events = (await LogAsync(host, appId, taskId)).Reverse().ToList();
            return events.Count > 0 && events.All(e => e.Status == status);
        }, TimeSpan.FromSeconds(60), () => $"events of {taskId} all {status}: {string.Join("; ", events.Select(e => $"{e.EventId} {e.Status} {e.LastError}"))}\n{host.Log.Tail()}");
        return events;
    }
}
