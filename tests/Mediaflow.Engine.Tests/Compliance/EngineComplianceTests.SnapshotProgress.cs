using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>A time-offset screenshot node running alone reports its progress per image, not per ffmpeg process.</summary>
public abstract partial class EngineComplianceTests
{
    [Fact]
    public async Task Notify_ChangeModeSnapshotOfTwentyOffsets_ProgressClimbsInTenPercentSteps()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var (appId, bucket) = await NotifySourceAsync("shots", Media.LongVideo);
        var offsets = Enumerable.Range(0, 20).Select(i => FormattableString.Invariant($"{0.1 + (i * 0.14):0.00}s")).ToList();
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "long.mp4"),
            Activities =
            [
                Input(1),
                new Activity
                {
                    ActivityType = ActivityTypes.SnapshotByTimeOffset,
                    ReardriveIndex = [2],
                    ActivityPara = new ActivityPara { SnapshotByTimeOffsetTask = new SnapshotByTimeOffsetTaskInput { Definition = 10, ExtTimeOffsetSet = offsets } },
                },
                Output(),
            ],
            TaskNotifyConfig = NotifyUrl(receiver.Url, TaskNotifyConfig.ModeChange),
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);
        await Host.WaitForNotificationsDeliveredAsync(taskId);

        Assert.Equal(20, TaskView.Node(detail, 1).Output!["PicInfoSet"]!.AsArray().Count);
        var node = receiver.ForTask(taskId).Select(e => (Status: e.Node(1)["Status"]!.GetValue<string>(), Progress: e.Node(1)["Progress"]!.GetValue<int>())).ToList();
        // 16 seeks in the first ffmpeg process, 4 in the second: every 10 % step up to 80 comes from inside the first.
        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80, 90], node.Where(n => n is { Status: "PROCESSING", Progress: > 0 }).Select(n => n.Progress).Distinct());
        Assert.Equal(("SUCCESS", 100), node[^1]);
        var ranks = node.Select(n => n.Status switch { "WAITING" => 0, "PROCESSING" => 1, _ => 2 } * 1000 + n.Progress).ToList();
        Assert.Equal(ranks.Order(), ranks);
    }
}
