using System.Security.Cryptography;
using System.Text;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// Task notifications by URL (DESIGN §7.6): Finish mode sends one event per task, Change mode node changes and
/// progress, every body signed with Sign = md5(Timestamp + NotifyKey), and a failed delivery is retried with the same
/// event id (<c>X-Mf-Event-Id</c>) until it is accepted.
/// </summary>
public abstract partial class EngineComplianceTests
{
    private const string NotifyKey = "engine-suite-key";

    private static TaskNotifyConfig NotifyUrl(Uri url, string mode) =>
        new() { NotifyType = TaskNotifyConfig.TypeUrl, NotifyMode = mode, NotifyUrl = url.ToString(), NotifyKey = NotifyKey };

    private static void AssertSigned(ReceivedCallback callback)
    {
        var expected = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(callback.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + NotifyKey)));
        Assert.Equal(expected, callback.Sign);
    }

    private async Task<(long AppId, string Bucket)> NotifySourceAsync(string purpose, string source)
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, purpose);
        await Host.UploadAsync(appId, bucket, Path.GetFileName(source), source);
        return (appId, bucket);
    }

    [Fact]
    public async Task Notify_FinishMode_OneSignedEventPerTask()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var (appId, bucket) = await NotifySourceAsync("finish", Media.Video);
        var taskIds = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            taskIds.Add(await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
            {
                InputInfo = CosInput(bucket, "video.mp4"),
                OutputDir = $"/run{i}/",
                Activities = [Input(1, 2), Transcode(Mp4(160), "{inputName}_a.{format}", 3), Transcode(M4a(), "{inputName}_b.{format}", 3), Output()],
                TaskNotifyConfig = NotifyUrl(receiver.Url, TaskNotifyConfig.ModeFinish),
            }));
        }

        foreach (var taskId in taskIds)
        {
            await Host.WaitFinishedAsync(appId, taskId);
            await Host.WaitForNotificationsDeliveredAsync(taskId);
        }

        foreach (var taskId in taskIds)
        {
            var callback = Assert.Single(receiver.ForTask(taskId));
            Assert.Equal("ScheduleTask", callback.Body["EventType"]!.GetValue<string>());
            Assert.Equal("FINISH", callback.TaskStatus);
            Assert.Equal(("SUCCESS", "SUCCESS"), (callback.Node(1)["Status"]!.GetValue<string>(), callback.Node(2)["Status"]!.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(callback.EventId));
            AssertSigned(callback);
        }
    }

    [Fact]
    public async Task Notify_ChangeMode_SendsNodeChangesAndProgressInOrder()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var (appId, bucket) = await NotifySourceAsync("change", Media.LongVideo);
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "long.mp4"),
            Activities = [Input(1), Transcode(Slow(), "{inputName}_slow.{format}", 2), Output()],
            TaskNotifyConfig = NotifyUrl(receiver.Url, TaskNotifyConfig.ModeChange),
        });
        await Host.WaitFinishedAsync(appId, taskId);
        await Host.WaitForNotificationsDeliveredAsync(taskId);

        var events = receiver.ForTask(taskId);
        Assert.All(events, AssertSigned);
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        var node = events.Select(e => (Status: e.Node(1)["Status"]!.GetValue<string>(), Progress: e.Node(1)["Progress"]!.GetValue<int>())).ToList();
        Assert.Equal(("PROCESSING", "WAITING"), (events[0].TaskStatus, node[0].Status));
        Assert.Contains(node, n => n is { Status: "PROCESSING", Progress: 0 });
        Assert.Contains(node, n => n is { Status: "PROCESSING", Progress: > 0 and < 100 });
        Assert.Equal(("FINISH", "SUCCESS", 100), (events[^1].TaskStatus, node[^1].Status, node[^1].Progress));
        Assert.Single(events, e => e.TaskStatus == "FINISH");

        // FIFO per task: node states and progress never go backwards in arrival order.
        var ranks = node.Select(n => n.Status switch { "WAITING" => 0, "PROCESSING" => 1, _ => 2 } * 1000 + n.Progress).ToList();
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public async Task Notify_ReceiverFailsTwice_SameEventRedeliveredUntilAccepted()
    {
        await using var receiver = await CallbackReceiver.StartAsync(n => n <= 2 ? 500 : 200);
        var (appId, bucket) = await NotifySourceAsync("retry", Media.Video);
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "video.mp4"),
            Activities = [Input(1), Transcode(M4a(), "{inputName}_b.{format}", 2), Output()],
            TaskNotifyConfig = NotifyUrl(receiver.Url, TaskNotifyConfig.ModeFinish),
        });
        await Host.WaitFinishedAsync(appId, taskId);
        var delivered = await Host.WaitForNotificationsDeliveredAsync(taskId);

        var attempts = receiver.ForTask(taskId);
        Assert.Equal([500, 500, 200], attempts.Select(a => a.Answered));
        Assert.Single(attempts.Select(a => a.EventId).Distinct());
        Assert.All(attempts, AssertSigned);
        var row = Assert.Single(delivered);
        Assert.Equal((attempts[0].EventId, 3), (row.EventId, row.Attempts));
    }
}
