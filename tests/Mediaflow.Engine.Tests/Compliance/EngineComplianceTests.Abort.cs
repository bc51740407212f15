using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>ManageTask Abort (DESIGN §7.5): unfinished nodes FAIL with FailedOperation.TaskAborted and no FFmpeg is left.</summary>
public abstract partial class EngineComplianceTests
{
    [Fact]
    public async Task ManageTask_AbortWhileNodeRuns_UnfinishedNodesFailAbortedAndNoFfmpegLeft()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "abort");
        await Host.UploadAsync(appId, bucket, "long.mp4", Media.LongVideo);
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "long.mp4"),
            Activities = [Input(1), Transcode(Slow(), "{inputName}_slow.{format}", 2), Transcode(Mp4(160), "{inputName}_after.{format}", 3), Output()],
        });

        var encoders = await WaitForRunningFfmpegAsync(Host, appId, taskId, nodeIndex: 1);
        var deadLetters = await Host.DeadLetterCountAsync();
        await Host.AbortAsync(appId, taskId);

        var detail = await Host.DetailAsync(appId, taskId);
        Assert.Equal(TaskFlowStatus.Finish, TaskView.Status(detail));
        Assert.All([1, 2], i =>
        {
            var node = TaskView.Node(detail, i);
            Assert.Equal(("FAIL", TaskErrorCodes.TaskAborted), (node.Status, node.ErrCodeExt));
        });

        await Eventually.WaitAsync(() => Host.RunningMediaProcesses.Count == 0 && !encoders.Any(MediaProcesses.IsAlive), TimeSpan.FromSeconds(30),
            () => $"ffmpeg still running after abort: registry [{string.Join(", ", Host.RunningMediaProcesses)}], encoders [{string.Join(", ", encoders.Where(MediaProcesses.IsAlive))}]");

        // The interrupted attempt records nothing over the aborted result and commits no output.
        var after = await Host.DetailAsync(appId, taskId);
        Assert.Equal(("FAIL", TaskErrorCodes.TaskAborted), (TaskView.Node(after, 1).Status, TaskView.Node(after, 1).ErrCodeExt));
        Assert.Equal(["long.mp4"], (await Host.ObjectCommitsAsync(bucket)).Keys);

        // An abort is an outcome, not a handler failure: the interrupted RunNode is not dead-lettered.
        await Host.WaitForIdleInboxAsync();
        Assert.Equal(deadLetters, await Host.DeadLetterCountAsync());
    }

    /// <summary>Waits until the node is PROCESSING with an ffmpeg (not the probe) running, and returns the ffmpeg pids.</summary>
    protected static async Task<IReadOnlyList<int>> WaitForRunningFfmpegAsync(EngineHost host, long appId, string taskId, int nodeIndex)
    {
        ArgumentNullException.ThrowIfNull(host);
        IReadOnlyList<int> encoders = [];
        await host.WaitForTaskAsync(appId, taskId, detail =>
        {
            encoders = host.RunningMediaProcesses.Where(pid => MediaProcesses.Name(pid) == "ffmpeg").ToList();
            return TaskView.Node(detail, nodeIndex).Status == "PROCESSING" && encoders.Count > 0;
        }, $"Activities[{nodeIndex}] PROCESSING with ffmpeg running");
        return encoders;
    }
}
