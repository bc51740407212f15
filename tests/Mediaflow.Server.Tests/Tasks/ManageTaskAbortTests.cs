using Amazon.S3;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>ManageTask Abort of a running task (DESIGN §7.5, §7.8: "no FFmpeg process left after abort").</summary>
public sealed class ManageTaskAbortTests(MediaflowServer server) : IClassFixture<MediaflowServer>
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

    private List<ProcessTree.Member> Ffmpegs() => ProcessTree.Descendants(server.Pid).Where(p => p.Command == "ffmpeg").ToList();
}
