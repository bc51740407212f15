using System.Security.Cryptography;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>ProcessMedia (reference/mps-api.md §11; DESIGN §7.5): a Disabled schedule's DAG, inline Activities, SessionId and SessionContext.</summary>
public sealed class ProcessMediaTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/clip.mp4";
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "process");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 1);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessMedia_DisabledSchedule_RunsItsActivities()
    {
        var scheduleId = await Mps.CreateScheduleAsync(Orchestrations.Schedule("manual-" + bucket, bucket, "/in/", Orchestrations.Transcodes(1010)));

        var taskId = await Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, Key), ScheduleId = scheduleId });

        Assert.StartsWith($"{server.Account.AppId}-ScheduleTask-", taskId, StringComparison.Ordinal);
        var detail = await Mps.WaitForFinishAsync(taskId);
        Assert.Equal("ScheduleTask", detail.GetProperty("TaskType").GetString());
        var output = TaskResults.SuccessfulTranscode(detail).GetProperty("Output");
        Assert.Equal("/out/in/clip_transcode_1010.mp3", output.GetProperty("Path").GetString());
        var schedule = (await Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { scheduleId } })).GetProperty("ScheduleInfoSet")[0];
        Assert.Equal("Disabled", schedule.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task ProcessMedia_InlineActivities_RunsAdHocTaskWithoutASchedule()
    {
        var before = (await Mps.OkAsync("DescribeSchedules", new { Limit = 100 })).GetProperty("TotalCount").GetInt64();

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/adhoc/",
            Activities = Orchestrations.Transcodes(1010, 100010),
        });

        var detail = await Mps.WaitForFinishAsync(taskId);
        var results = TaskResults.Transcodes(detail);
        Assert.Equal(["SUCCESS", "SUCCESS"], results.Select(r => r.GetProperty("Status").GetString()));
        Assert.Equal(["/adhoc/clip_transcode_1010.mp3", "/adhoc/clip_transcode_100010.mp4"], results.Select(r => r.GetProperty("Output").GetProperty("Path").GetString()));
        Assert.Equal(before, (await Mps.OkAsync("DescribeSchedules", new { Limit = 100 })).GetProperty("TotalCount").GetInt64());
    }

    [Fact]
    public async Task ProcessMedia_SameSessionIdTwice_SecondRefusedAndContextEchoed()
    {
        var sessionId = "session-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var request = new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = Orchestrations.Transcodes(1010),
            SessionId = sessionId,
            SessionContext = "order=42;user=ünïcode",
        };

        var taskId = await Mps.ProcessMediaAsync(request);
        (await Mps.CallAsync("ProcessMedia", request)).AssertError("InvalidParameterValue.SessionId");
        await Mps.AssertStillServingAsync();

        var detail = await Mps.WaitForFinishAsync(taskId);
        Assert.Equal(sessionId, detail.GetProperty("SessionId").GetString());
        Assert.Equal("order=42;user=ünïcode", detail.GetProperty("SessionContext").GetString());
        TaskResults.SuccessfulTranscode(detail);
        (await Mps.CallAsync("ProcessMedia", request)).AssertError("InvalidParameterValue.SessionId");
    }

    [Fact]
    public async Task ProcessMedia_SameSessionIdConcurrently_OnlyOneTaskAccepted()
    {
        var request = new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = Orchestrations.Transcodes(1010),
            SessionId = "race-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
        };

        var replies = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Mps.CallAsync("ProcessMedia", request)));

        var accepted = Assert.Single(replies, r => r.ErrorCode is null);
        Assert.All(replies.Where(r => !ReferenceEquals(r, accepted)), r => r.AssertError("InvalidParameterValue.SessionId"));
        await Mps.WaitForFinishAsync(accepted.Success().GetProperty("TaskId").GetString()!);
    }
}
