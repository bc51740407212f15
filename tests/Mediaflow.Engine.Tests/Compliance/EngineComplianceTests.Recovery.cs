using Mediaflow.Application.Tasks;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// Restart recovery (DESIGN §2, §7.1): a node interrupted by a graceful shutdown is run again by the next host on the
/// same database and data directory, as a new attempt; the task completes exactly once with one committed output per node.
/// </summary>
public abstract partial class EngineComplianceTests
{
    [Fact]
    public async Task Restart_NodeRunningAtShutdown_TaskCompletesOnceOnTheNextHost()
    {
        var (dataDirectory, database) = await Fixture.NewInstallationAsync();

        // No grace: a node still running when the stop begins is interrupted at once, whatever the machine's speed.
        var configuration = new Dictionary<string, string?>(database) { ["Server:ShutdownGraceSeconds"] = "0" };
        var appId = NewAppId();
        string bucket;
        string taskId;
        await using (var first = await EngineHost.StartAsync(dataDirectory, configuration))
        {
            bucket = await NewBucketAsync(first, appId, "restart");
            await first.UploadAsync(appId, bucket, "long.mp4", Media.LongVideo);
            taskId = await first.ProcessMediaAsync(appId, new ProcessMediaRequest
            {
                InputInfo = CosInput(bucket, "long.mp4"),
                Activities = [Input(1), Transcode(Slow(), "{inputName}_slow.{format}", 2), Transcode(Mp4(160), "{inputName}_small.{format}", 3), Output()],
            });
            var encoders = await WaitForRunningFfmpegAsync(first, appId, taskId, nodeIndex: 1);

            await first.StopAsync();

            Assert.Empty(first.RunningMediaProcesses);
            Assert.DoesNotContain(encoders, MediaProcesses.IsAlive);
            var interrupted = await first.DetailAsync(appId, taskId);
            Assert.Equal("PROCESSING", TaskView.Status(interrupted));
            Assert.Equal("WAITING", TaskView.Node(interrupted, 1).Status);
            Assert.Equal(["long.mp4"], (await first.ObjectCommitsAsync(bucket)).Keys);
        }

        await using var second = await EngineHost.StartAsync(dataDirectory, configuration);
        var detail = await second.WaitFinishedAsync(appId, taskId);

        var (slow, small) = (TaskView.Node(detail, 1), TaskView.Node(detail, 2));
        Assert.Equal(("SUCCESS", "SUCCESS"), (slow.Status, small.Status));
        Assert.Equal(["INTERRUPTED", "SUCCESS"], slow.Attempts.Select(a => a["Outcome"]!.GetValue<string>()));
        Assert.Single(small.Attempts);
        var commits = await second.ObjectCommitsAsync(bucket);
        Assert.Equal(["long.mp4", "long_slow.mp4", "long_small.mp4"], commits.Keys.Order(StringComparer.Ordinal));
        Assert.All(commits.Values, count => Assert.Equal(1, count));
        Assert.Equal([taskId], await second.TaskIdsAsync(appId));
        var output = await ProbeObjectAsync(second, appId, bucket, "long_slow.mp4");
        Assert.Equal((1280, 720, "hevc"), (output.Width, output.Height, output.VideoCodec));
        Assert.InRange(output.Duration, 2.8, 3.3);
    }
}
