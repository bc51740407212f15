using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tests.Support;
using Mediaflow.Engine.Triggers;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// Trigger semantics (DESIGN §2.2): only uploads after EnableSchedule start tasks, exactly one task per matching event
/// even when events are replayed, no re-trigger by the orchestration's own outputs, Dir and Formats filters.
/// The relay reads events in commit order, so once the task of a later upload exists every earlier event has been
/// matched: "no task for X" is asserted after the task of an upload committed after X.
/// </summary>
public abstract partial class EngineComplianceTests
{
    private static OrchestrationDefinition Cheap(long appId, string name, WorkflowTrigger trigger, string? outputDir = null, TaskOutputStorage? output = null) => new()
    {
        ScheduleName = $"{name}-{appId}",
        Trigger = trigger,
        Activities = [Input(1), Transcode(M4a(), "{inputName}_audio.{format}", 2), Output()],
        OutputDir = outputDir,
        OutputStorage = output,
    };

    [Fact]
    public async Task Trigger_OnlyUploadsAfterEnable_StartTasks()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "enable");
        await Host.UploadAsync(appId, bucket, "before-create.mp4", Media.Video);
        var scheduleId = await Host.CreateScheduleAsync(appId, Cheap(appId, "enable", UploadTrigger(bucket), outputDir: "/out/"));
        await Host.UploadAsync(appId, bucket, "while-disabled.mp4", Media.Video);
        await Host.EnableScheduleAsync(appId, scheduleId);
        await Host.UploadAsync(appId, bucket, "after-enable.mp4", Media.Video);

        var taskId = await Host.WaitForTaskOnAsync(appId, "after-enable.mp4");
        var detail = await Host.WaitFinishedAsync(appId, taskId);
        await Host.DisableScheduleAsync(appId, scheduleId);

        Assert.Equal("SUCCESS", TaskView.Node(detail, 1).Status);
        Assert.Equal(["after-enable.mp4"], await Host.TaskInputKeysAsync(appId));
    }

    [Fact]
    public async Task Trigger_ReplayedEvents_CreateNoSecondTask()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "replay");
        var scheduleId = await Host.CreateScheduleAsync(appId, Cheap(appId, "replay", UploadTrigger(bucket, "/in/"), outputDir: "/out/"));
        await Host.EnableScheduleAsync(appId, scheduleId);
        await Host.UploadAsync(appId, bucket, "in/first.mp4", Media.Video);
        await Host.WaitFinishedAsync(appId, await Host.WaitForTaskOnAsync(appId, "in/first.mp4"));

        // Rewind the relay's checkpoint to the start of the log: every event is read again, then a new upload after them.
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
            await db.Checkpoints.Where(c => c.Name == TriggerRelay.CheckpointName).ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, 0L));
        }

        await Host.UploadAsync(appId, bucket, "in/second.mp4", Media.Video);
        await Host.WaitFinishedAsync(appId, await Host.WaitForTaskOnAsync(appId, "in/second.mp4"));

        // And the relay run once more by hand over the same (already processed) events.
        var relay = Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<TriggerRelay>().Single();
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
            await db.Checkpoints.Where(c => c.Name == TriggerRelay.CheckpointName).ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, 0L));
        }

        await DrainRelayAsync(relay);

        await Host.DisableScheduleAsync(appId, scheduleId);
        Assert.Equal(["in/first.mp4", "in/second.mp4"], (await Host.TaskInputKeysAsync(appId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Trigger_TaskOutputs_DoNotRetriggerTheirOwnOrchestrationButStartOthers()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "lineage");
        var final = await NewBucketAsync(appId, "final");

        // The first orchestration watches the whole bucket and writes its outputs into that same bucket (under /out/),
        // where they match its own trigger; the second watches /out/ and writes elsewhere.
        var first = await Host.CreateScheduleAsync(appId, Cheap(appId, "first", UploadTrigger(bucket, "/", ["mp4", "m4a"]), outputDir: "/out/"));
        var second = await Host.CreateScheduleAsync(appId, Cheap(appId, "second", UploadTrigger(bucket, "/out/", ["m4a"]), output: CosOutput(final)));
        await Host.EnableScheduleAsync(appId, first);
        await Host.EnableScheduleAsync(appId, second);
        await Host.UploadAsync(appId, bucket, "src/clip.mp4", Media.Video);

        var firstTask = await Host.WaitFinishedAsync(appId, await Host.WaitForTaskOnAsync(appId, "src/clip.mp4"));
        var produced = TaskView.Node(firstTask, 1).OutputKey;
        Assert.Equal("out/clip_audio.m4a", produced);
        var secondTask = await Host.WaitFinishedAsync(appId, await Host.WaitForTaskOnAsync(appId, produced));
        await Host.DisableScheduleAsync(appId, first);
        await Host.DisableScheduleAsync(appId, second);

        Assert.Equal("SUCCESS", TaskView.Node(secondTask, 1).Status);
        Assert.Equal(["out/clip_audio.m4a", "src/clip.mp4"], (await Host.TaskInputKeysAsync(appId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Trigger_DirAndFormats_OnlyMatchingUploadsStartTasks()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "filter");
        var output = await NewBucketAsync(appId, "filtered");
        var scheduleId = await Host.CreateScheduleAsync(appId, Cheap(appId, "filter", UploadTrigger(bucket, "/videos/", ["mp4"]), output: CosOutput(output)));
        await Host.EnableScheduleAsync(appId, scheduleId);

        foreach (var key in new[] { "other/a.mp4", "videosx/a.mp4", "videos/a.mov", "videos/a.mp4.txt", "videos/noext", "videos/" })
        {
            await Host.UploadAsync(appId, bucket, key, Media.Video);
        }

        await Host.UploadAsync(appId, bucket, "videos/deep/B.MP4", Media.Video);
        await Host.UploadAsync(appId, bucket, "videos/c.mp4", Media.Video);
        await Host.WaitForTaskOnAsync(appId, "videos/c.mp4");
        await Host.WaitForTaskOnAsync(appId, "videos/deep/B.MP4");
        await Host.DisableScheduleAsync(appId, scheduleId);

        Assert.Equal(["videos/c.mp4", "videos/deep/B.MP4"], (await Host.TaskInputKeysAsync(appId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Trigger_CrossOrchestrationLoop_StopsBeyondLineageDepthEight()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "loop");

        // A writes what B watches and B writes what A watches: every generation is one task deeper (DESIGN §7.5).
        var formats = new[] { "mp4", "m4a" };
        var a = await Host.CreateScheduleAsync(appId, Cheap(appId, "ping", UploadTrigger(bucket, "/a/", formats), outputDir: "/b/"));
        var b = await Host.CreateScheduleAsync(appId, Cheap(appId, "pong", UploadTrigger(bucket, "/b/", formats), outputDir: "/a/"));
        var marker = await Host.CreateScheduleAsync(appId, Cheap(appId, "marker", UploadTrigger(bucket, "/marker/", formats), outputDir: "/marker-out/"));
        foreach (var id in new[] { a, b, marker })
        {
            await Host.EnableScheduleAsync(appId, id);
        }

        await Host.UploadAsync(appId, bucket, "a/x.mp4", Media.Video);

        // Inputs of depth 0..8 start tasks; the ninth task's output (depth 9) must not.
        var expected = Enumerable.Range(0, 9)
            .Select(depth => (depth % 2 == 0 ? "a/x" : "b/x") + string.Concat(Enumerable.Repeat("_audio", depth)) + (depth == 0 ? ".mp4" : ".m4a"))
            .ToList();
        await Host.WaitFinishedAsync(appId, await Host.WaitForTaskOnAsync(appId, expected[^1]));
        await Host.UploadAsync(appId, bucket, "marker/m.mp4", Media.Video);
        await Host.WaitForTaskOnAsync(appId, "marker/m.mp4");
        foreach (var id in new[] { a, b, marker })
        {
            await Host.DisableScheduleAsync(appId, id);
        }

        Assert.Equal(expected.Append("marker/m.mp4").Order(StringComparer.Ordinal), (await Host.TaskInputKeysAsync(appId)).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Runs the relay by hand until the log is drained. The hosted relay may replay the same events at the same time;
    /// then one of the two loses on the tasks' unique idempotency key (that is the guarantee) and the batch is re-run.
    /// </summary>
    private static async Task DrainRelayAsync(TriggerRelay relay)
    {
        for (var conflicts = 0; ;)
        {
            try
            {
                if (await relay.ProcessBatchAsync(CancellationToken.None) is not null)
                {
                    return;
                }
            }
            catch (DbUpdateException) when (++conflicts < 5)
            {
            }
        }
    }
}
