using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>DAG semantics (DESIGN §7.4): media lineage, fan-out and fan-in, skip propagation, source errors.</summary>
public abstract partial class EngineComplianceTests
{
    [Fact]
    public async Task ProcessMedia_Chain_SuccessorTranscodesItsPredecessorsOutput()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "chain");
        await Host.UploadAsync(appId, bucket, "movies/src.mp4", Media.Video);

        // The second node keeps its input's size (0×0): 160×90 only if it read the first node's output, 320×180 if the source.
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "movies/src.mp4"),
            Activities = [Input(1), Transcode(Mp4(160), "{inputName}_small.{format}", 2), Transcode(Mp4(0), "{inputName}_again.{format}", 3), Output()],
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        Assert.Equal(0, TaskView.ErrCode(detail));
        Assert.Equal([1, 2], TaskView.NodeIndexes(detail));
        var (first, second) = (TaskView.Node(detail, 1), TaskView.Node(detail, 2));
        Assert.Equal(("SUCCESS", "SUCCESS"), (first.Status, second.Status));
        Assert.Equal(("movies/src_small.mp4", "movies/src_again.mp4"), (first.OutputKey, second.OutputKey));
        var small = await ProbeObjectAsync(appId, bucket, first.OutputKey);
        var again = await ProbeObjectAsync(appId, bucket, second.OutputKey);
        Assert.Equal((160, 90), (small.Width, small.Height));
        Assert.Equal((160, 90), (again.Width, again.Height));
        Assert.InRange(again.Duration, 1.8, 2.3);
    }

    [Fact]
    public async Task ProcessMedia_ScheduleFanOutFanIn_EveryBranchRunsAndTaskFinishes()
    {
        var appId = NewAppId();
        var source = await NewBucketAsync(appId, "fan-in");
        var output = await NewBucketAsync(appId, "fan-out");
        await Host.UploadAsync(appId, source, "src.mp4", Media.Video);
        var scheduleId = await Host.CreateScheduleAsync(appId, new OrchestrationDefinition
        {
            ScheduleName = $"fan-{appId}",
            Trigger = UploadTrigger(source),
            Activities =
            [
                Input(1, 2, 3),
                Transcode(Mp4(160), "{inputName}_160.{format}", 4),
                Transcode(Mp4(128), "{inputName}_128.{format}", 4),
                Transcode(M4a(), "{inputName}_audio.{format}", 4),
                Output(),
            ],
            OutputStorage = CosOutput(output),
            OutputDir = "/fan/",
        });

        // ProcessMedia runs a schedule's DAG even while the schedule is disabled (DESIGN §7.5).
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(source, "src.mp4"), ScheduleId = scheduleId });
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        Assert.Equal(0, TaskView.ErrCode(detail));
        Assert.All([1, 2, 3], i => Assert.Equal("SUCCESS", TaskView.Node(detail, i).Status));
        var commits = await Host.ObjectCommitsAsync(output);
        Assert.Equal(["fan/src_128.mp4", "fan/src_160.mp4", "fan/src_audio.m4a"], commits.Keys.Order(StringComparer.Ordinal));
        Assert.All(commits.Values, count => Assert.Equal(1, count));
        Assert.Equal((160, 90), ((await ProbeObjectAsync(appId, output, "fan/src_160.mp4")).Width, (await ProbeObjectAsync(appId, output, "fan/src_160.mp4")).Height));
        Assert.Equal(128, (await ProbeObjectAsync(appId, output, "fan/src_128.mp4")).Width);
        var audio = await ProbeObjectAsync(appId, output, "fan/src_audio.m4a");
        Assert.Equal((0, true), (audio.Width, audio.HasAudio));
    }

    [Fact]
    public async Task ProcessMedia_AudioOnlySource_VideoNodeFailsSuccessorSkippedSiblingSucceeds()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "audio");
        await Host.UploadAsync(appId, bucket, "voice.m4a", Media.AudioOnly);

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "voice.m4a"),
            Activities =
            [
                Input(1, 3),
                Transcode(Mp4(160), "{inputName}_video.{format}", 2),
                Transcode(Mp4(128), "{inputName}_video2.{format}", 4),
                Transcode(M4a(), "{inputName}_audio.{format}", 4),
                Output(),
            ],
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        Assert.Equal(0, TaskView.ErrCode(detail));
        var video = TaskView.Node(detail, 1);
        Assert.Equal(("FAIL", TaskErrorCodes.NoVideoMedia), (video.Status, video.ErrCodeExt));
        var skipped = TaskView.Node(detail, 2);
        Assert.Equal(("SKIPPED", ""), (skipped.Status, skipped.ErrCodeExt));
        Assert.Contains("Activities[1]", skipped.Message, StringComparison.Ordinal);
        Assert.Empty(skipped.Attempts);
        var sibling = TaskView.Node(detail, 3);
        Assert.Equal("SUCCESS", sibling.Status);
        Assert.Equal(["voice.m4a", "voice_audio.m4a"], (await Host.ObjectCommitsAsync(bucket)).Keys.Order(StringComparer.Ordinal));
        Assert.True((await ProbeObjectAsync(appId, bucket, sibling.OutputKey)).HasAudio);
    }

    [Fact]
    public async Task ProcessMedia_UnprobeableSource_TaskErrCodeSetAndEveryNodeContentMalformed()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "broken");
        await Host.UploadAsync(appId, bucket, "broken.mp4", Media.NotMedia);

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "broken.mp4"),
            Activities =
            [
                Input(1, 3),
                Transcode(Mp4(160), "{inputName}_a.{format}", 2),
                Transcode(Mp4(128), "{inputName}_b.{format}", 4),
                Transcode(M4a(), "{inputName}_c.{format}", 4),
                Output(),
            ],
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        Assert.NotEqual(0, TaskView.ErrCode(detail));
        Assert.NotEmpty(TaskView.Message(detail));
        Assert.All([1, 2, 3], i =>
        {
            var node = TaskView.Node(detail, i);
            Assert.Equal(("FAIL", TaskErrorCodes.ContentMalformed), (node.Status, node.ErrCodeExt));
        });
        Assert.Equal(["broken.mp4"], (await Host.ObjectCommitsAsync(bucket)).Keys);
    }

    [Fact]
    public async Task ProcessMedia_SourceOverwrittenAfterSubmit_TaskReadsTheSubmittedVersion()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "overwrite");
        await Host.UploadAsync(appId, bucket, "clip.mp4", Media.Video);
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "clip.mp4"),
            OutputDir = "/out/",
            Activities = [Input(1), Transcode(Mp4(160), "{inputName}_small.{format}", 2), Output()],
        });

        // Tasks read their input by blob id: a new version of the key (here with no video at all) changes nothing.
        await Host.UploadAsync(appId, bucket, "clip.mp4", Media.AudioOnly);
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        Assert.Equal(320, TaskView.ScheduleTask(detail)["MetaData"]!["Width"]!.GetValue<long>());
        var node = TaskView.Node(detail, 1);
        Assert.Equal("SUCCESS", node.Status);
        Assert.Equal((160, 90), ((await ProbeObjectAsync(appId, bucket, node.OutputKey)).Width, (await ProbeObjectAsync(appId, bucket, node.OutputKey)).Height));
    }
}
