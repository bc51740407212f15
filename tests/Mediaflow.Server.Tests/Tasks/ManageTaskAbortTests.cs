using Amazon.S3;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>
/// ManageTask Abort of a running task and of one whose node is still queued behind it (DESIGN §7.5, §7.8: "no FFmpeg
/// process left after abort"). The server runs one node at a time.
/// </summary>
public sealed class ManageTaskAbortTests(SingleWorkerServer server) : IClassFixture<SingleWorkerServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private MpsClient Mps => server.Mps;

    [Fact]
    public async Task ManageTaskAbort_RunningTask_NodesFailAbortedAndNoFfmpegLeft()
    {
        var bucket = await Buckets.CreateAsync(server, "abort");
        // 20 s of 640×360 scaled up to 1080p (preset 100040): far longer than it takes to see ffmpeg running and abort.
        var source = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "long.mp4"), seconds: 20, size: "640x360");
        await Buckets.PutFileAsync(server, bucket, "in/long.mp4", source);
        var taskId = await Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, "in/long.mp4"), Activities = Orchestrations.Transcodes(100040) });

        await Poll.UntilAsync(() => Task.FromResult(Ffmpegs().Count > 0), Patience, () => $"no ffmpeg under server pid {server.Pid}\n{server.LogTail()}");
        Assert.Equal("PROCESSING", (await Mps.DetailAsync(taskId)).GetProperty("Status").GetString());
        await Mps.OkAsync("ManageTask", new { OperationType = "Abort", TaskId = taskId });

        var detail = await Mps.WaitForFinishAsync(taskId);
        var result = Assert.Single(TaskResults.Transcodes(detail));
        Assert.Equal("FAIL", result.GetProperty("Status").GetString());
        Assert.Equal("FailedOperation.TaskAborted", result.GetProperty("ErrCodeExt").GetString());
        await Poll.UntilAsync(() => Task.FromResult(Ffmpegs().Count == 0), Patience,
            () => $"ffmpeg still running after abort: {string.Join(", ", Ffmpegs())}\n{server.LogTail()}");

        using var s3 = server.S3For(server.Account);
        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, "in/long_transcode_100040.mp4"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        (await Mps.CallAsync("ManageTask", new { OperationType = "Abort", TaskId = taskId })).AssertError("InvalidParameterValue.NotProcessingTask");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task ManageTaskAbort_TaskQueuedBehindAnother_NeverRunsItsNode()
    {
        var bucket = await Buckets.CreateAsync(server, "queued");
        var source = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "queued.mp4"), seconds: 20, size: "640x360");
        await Buckets.PutFileAsync(server, bucket, "in/long.mp4", source);
        object Request(string dir) => new { InputInfo = Orchestrations.CosInput(bucket, "in/long.mp4"), OutputDir = dir, Activities = Orchestrations.Transcodes(100040) };
        var running = await Mps.ProcessMediaAsync(Request("/running/"));
        await Poll.UntilAsync(() => Task.FromResult(Ffmpegs().Count > 0), Patience, () => $"no ffmpeg under server pid {server.Pid}\n{server.LogTail()}");

        var queued = await Mps.ProcessMediaAsync(Request("/queued/"));
        await Mps.OkAsync("ManageTask", new { OperationType = "Abort", TaskId = queued });
        await Mps.OkAsync("ManageTask", new { OperationType = "Abort", TaskId = running });

        foreach (var taskId in new[] { queued, running })
        {
            var result = Assert.Single(TaskResults.Transcodes(await Mps.WaitForFinishAsync(taskId)));
            Assert.Equal("FailedOperation.TaskAborted", result.GetProperty("ErrCodeExt").GetString());
        }

        // A short task submitted last runs after the queued node's message has been taken off the single worker's queue.
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "marker.mp4"), seconds: 1);
        await Buckets.PutFileAsync(server, bucket, "in/marker.mp4", clip);
        var marker = await Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, "in/marker.mp4"), Activities = Orchestrations.Transcodes(1010) });
        TaskResults.SuccessfulTranscode(await Mps.WaitForFinishAsync(marker));

        var detail = await Mps.DetailAsync(queued);
        var aborted = Assert.Single(TaskResults.Transcodes(detail));
        Assert.Equal("FAIL", aborted.GetProperty("Status").GetString());
        Assert.Equal("FailedOperation.TaskAborted", aborted.GetProperty("ErrCodeExt").GetString());
        var attempts = TaskResults.ScheduleTask(detail).GetProperty("ActivityResultSet")[0].GetProperty("MfAttempts");
        Assert.True(attempts.GetArrayLength() == 0, $"the aborted task's node ran: {attempts}");
        using var s3 = server.S3For(server.Account);
        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, "queued/long_transcode_100040.mp4"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        await Poll.UntilAsync(() => Task.FromResult(Ffmpegs().Count == 0), Patience, () => $"ffmpeg still running: {string.Join(", ", Ffmpegs())}");
    }

    private List<ProcessTree.Member> Ffmpegs() => ProcessTree.Descendants(server.Pid).Where(p => p.Command == "ffmpeg").ToList();
}
