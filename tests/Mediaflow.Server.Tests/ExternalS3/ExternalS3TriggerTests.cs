using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.ExternalS3;

/// <summary>
/// AwsS3FileUpload triggers and AWS-S3 outputs against a second Mediaflow store standing in for the external service
/// (DESIGN §7.7): event intake, list reconciliation, de-duplication by (bucket, key, etag), the enable-time rule, the
/// pinned source version, outputs uploaded to the external bucket, the intake's secret and the masked S3SecretKey.
/// </summary>
public sealed class ExternalS3TriggerTests(ExternalS3Servers servers) : IClassFixture<ExternalS3Servers>, IAsyncLifetime
{
    private MediaflowServer Main => servers.Main;

    /// <summary>Reconciliation passes cover every enabled trigger of the region: each test starts with none of an earlier test's enabled.</summary>
    public async Task InitializeAsync()
    {
        var enabled = await Main.Mps.OkAsync("DescribeSchedules", new { Status = "Enabled", Limit = 100 });
        foreach (var schedule in enabled.GetProperty("ScheduleInfoSet").EnumerateArray())
        {
            await Main.Mps.OkAsync("DisableSchedule", new { ScheduleId = schedule.GetProperty("ScheduleId").GetInt64() });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EventIntake_ObjectCreated_StartsTaskThatReadsTheExternalSource()
    {
        var bucket = await servers.CreateExternalBucketAsync("ev");
        var output = await Buckets.CreateAsync(Main, "evout");
        await EnableAsync(servers.Schedule("ext-event", bucket, "/in/", Orchestrations.Output(output)));
        var (etag, modified) = await servers.PutExternalAsync(bucket, "in/my clip.mp4", await VideoAsync());

        using var response = await servers.PostEventAsync(bucket, "in/my clip.mp4", etag, modified);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await ReadJsonAsync(response)).GetProperty("TasksCreated").GetInt32());
        var taskId = Assert.Single(await servers.TasksOfAsync(bucket, "in/my clip.mp4"));
        var detail = await Main.Mps.WaitForFinishAsync(taskId);
        Assert.Equal(0, TaskResults.ScheduleTask(detail).GetProperty("ErrCode").GetInt64());
        Assert.Equal(320, TaskResults.ScheduleTask(detail).GetProperty("MetaData").GetProperty("Width").GetInt64());
        var result = TaskResults.SuccessfulTranscode(detail).GetProperty("Output");
        Assert.Equal("/out/my clip_transcode_100010.mp4", result.GetProperty("Path").GetString());
        using var s3 = Main.S3For(Main.Account);
        var head = await s3.GetObjectMetadataAsync(output, "out/my clip_transcode_100010.mp4");
        Assert.Equal(result.GetProperty("Size").GetInt64(), head.ContentLength);
    }

    [Fact]
    public async Task Reconcile_MissedEvent_StartsTaskAndOutputLandsInExternalBucket()
    {
        var bucket = await servers.CreateExternalBucketAsync("rc");
        await EnableAsync(servers.Schedule("ext-reconcile", bucket, "/in/", servers.S3Output(bucket), outputDir: "/renditions/"));
        await servers.PutExternalAsync(bucket, "in/missed.mp4", await VideoAsync());

        Assert.Equal(1, await servers.ReconcileAsync());

        var taskId = Assert.Single(await servers.TasksOfAsync(bucket, "in/missed.mp4"));
        var detail = await Main.Mps.WaitForFinishAsync(taskId);
        var result = TaskResults.SuccessfulTranscode(detail).GetProperty("Output");
        Assert.Equal("AWS-S3", result.GetProperty("OutputStorage").GetProperty("Type").GetString());
        Assert.Equal(bucket, result.GetProperty("OutputStorage").GetProperty("S3OutputStorage").GetProperty("S3Bucket").GetString());
        var local = Path.Combine(Main.WorkDirectory, RandomNumberGenerator.GetHexString(8) + ".mp4");
        using (var s3 = servers.ExternalS3())
        using (var got = await s3.GetObjectAsync(bucket, "renditions/missed_transcode_100010.mp4"))
        {
            await got.WriteResponseStreamToFileAsync(local, append: false, CancellationToken.None);
        }

        Assert.Equal(result.GetProperty("Size").GetInt64(), new FileInfo(local).Length);
        var probe = await TestMedia.ProbeAsync(local);
        Assert.Equal(360, TestMedia.Stream(probe, "video").GetProperty("height").GetInt32());
        Assert.Equal(0, await servers.ReconcileAsync()); // the output, under /renditions/, is outside the trigger's Dir
    }

    [Fact]
    public async Task DuplicateEventAndReconcile_SameObjectVersion_OneTask()
    {
        var bucket = await servers.CreateExternalBucketAsync("dup");
        var output = await Buckets.CreateAsync(Main, "dupout");
        await EnableAsync(servers.Schedule("ext-dup", bucket, "/", Orchestrations.Output(output)));
        var (etag, modified) = await servers.PutExternalAsync(bucket, "twice.mp4", await VideoAsync());

        using var first = await servers.PostEventAsync(bucket, "twice.mp4", etag, modified);
        using var second = await servers.PostEventAsync(bucket, "twice.mp4", etag, modified);
        var reconciled = await servers.ReconcileAsync();

        Assert.Equal(1, (await ReadJsonAsync(first)).GetProperty("TasksCreated").GetInt32());
        Assert.Equal(0, (await ReadJsonAsync(second)).GetProperty("TasksCreated").GetInt32());
        Assert.Equal(0, reconciled);
        var taskId = Assert.Single(await servers.TasksOfAsync(bucket, "twice.mp4"));
        await Main.Mps.WaitForFinishAsync(taskId);
        Assert.Single(await servers.TasksOfAsync(bucket, "twice.mp4"));
    }

    [Fact]
    public async Task OverlappingTriggers_OneObject_OneTaskPerOrchestration()
    {
        var bucket = await servers.CreateExternalBucketAsync("ovl");
        var output = await Buckets.CreateAsync(Main, "ovlout");
        await EnableAsync(servers.Schedule("ext-ovl-a", bucket, "/", Orchestrations.Output(output), outputDir: "/a/"));
        await EnableAsync(servers.Schedule("ext-ovl-b", bucket, "/in/", Orchestrations.Output(output), outputDir: "/b/"));
        var (etag, modified) = await servers.PutExternalAsync(bucket, "in/both.mp4", await VideoAsync());

        using var response = await servers.PostEventAsync(bucket, "in/both.mp4", etag, modified);

        Assert.Equal(2, (await ReadJsonAsync(response)).GetProperty("TasksCreated").GetInt32());
        Assert.Equal(0, await servers.ReconcileAsync());
        Assert.Equal(2, (await servers.TasksOfAsync(bucket, "in/both.mp4")).Count);
    }

    [Fact]
    public async Task UploadBeforeEnabling_EventOrReconcile_StartsNothing()
    {
        var bucket = await servers.CreateExternalBucketAsync("early");
        var output = await Buckets.CreateAsync(Main, "earlyout");
        var scheduleId = await Main.Mps.CreateScheduleAsync(servers.Schedule("ext-early", bucket, "/", Orchestrations.Output(output)));
        var video = await VideoAsync();
        var (etag, modified) = await servers.PutExternalAsync(bucket, "early.mp4", video);
        // S3 keeps LastModified to the second and the enable time is compared by its second: let that second pass.
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        await Main.Mps.OkAsync("EnableSchedule", new { ScheduleId = scheduleId });
        await servers.PutExternalAsync(bucket, "late.mp4", video);

        using var response = await servers.PostEventAsync(bucket, "early.mp4", etag, modified);
        var reconciled = await servers.ReconcileAsync();

        Assert.Equal(0, (await ReadJsonAsync(response)).GetProperty("TasksCreated").GetInt32());
        Assert.Equal(1, reconciled);
        Assert.Empty(await servers.TasksOfAsync(bucket, "early.mp4"));
        Assert.Single(await servers.TasksOfAsync(bucket, "late.mp4"));
    }

    [Fact]
    public async Task StaleOrForgedEvent_VersionNotInTheBucket_NothingStartedAndReconcileTakesTheCurrentVersion()
    {
        var bucket = await servers.CreateExternalBucketAsync("chg");
        var output = await Buckets.CreateAsync(Main, "chgout");
        await EnableAsync(servers.Schedule("ext-changed", bucket, "/", Orchestrations.Output(output)));
        var (oldETag, modified) = await servers.PutExternalAsync(bucket, "v.mp4", await VideoAsync());
        var (newETag, _) = await servers.PutExternalAsync(bucket, "v.mp4", await VideoAsync(seconds: 2)); // overwritten before the event arrives

        using var stale = await servers.PostEventAsync(bucket, "v.mp4", oldETag, modified);
        using var forged = await servers.PostEventAsync(bucket, "never-uploaded.mp4", oldETag, modified);

        Assert.NotEqual(oldETag, newETag);
        Assert.Equal(0, (await ReadJsonAsync(stale)).GetProperty("TasksCreated").GetInt32());
        Assert.Equal(0, (await ReadJsonAsync(forged)).GetProperty("TasksCreated").GetInt32());
        Assert.Empty(await servers.TasksOfAsync(bucket, "v.mp4"));
        Assert.Equal(1, await servers.ReconcileAsync());
        var detail = await Main.Mps.WaitForFinishAsync(Assert.Single(await servers.TasksOfAsync(bucket, "v.mp4")));
        Assert.Equal(2.0, TaskResults.ScheduleTask(detail).GetProperty("MetaData").GetProperty("Duration").GetDouble(), precision: 1);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-the-secret", HttpStatusCode.Forbidden)]
    public async Task EventIntake_MissingOrWrongSecret_RefusedAndStartsNothing(string? secret, HttpStatusCode expected)
    {
        var bucket = await servers.CreateExternalBucketAsync("sec");
        var output = await Buckets.CreateAsync(Main, "secout");
        await EnableAsync(servers.Schedule("ext-secret-" + expected, bucket, "/", Orchestrations.Output(output)));
        var (etag, modified) = await servers.PutExternalAsync(bucket, "s.mp4", await VideoAsync());

        using var response = await servers.PostEventAsync(bucket, "s.mp4", etag, modified, secret);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await servers.TasksOfAsync(bucket, "s.mp4"));
    }

    [Fact]
    public async Task EventIntake_RegionWithoutEndpoint_NotFound()
    {
        using var response = await servers.PostEventAsync("any", "a.mp4", "0123", DateTimeOffset.UnixEpoch, region: "eu-west-3");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EventIntake_NotAnS3Event_BadRequest()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Main.Api, $"mf/s3-events/{ExternalS3Servers.Region}"))
        {
            Content = new StringContent("{\"Records\": 5}"),
        };
        request.Headers.Add("X-Mf-Event-Secret", ExternalS3Servers.Secret);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DescribeSchedules_S3SecretKey_MaskedWhereverItIs()
    {
        var bucket = await servers.CreateExternalBucketAsync("mask");
        var scheduleId = await Main.Mps.CreateScheduleAsync(servers.Schedule("ext-mask", bucket, "/in/", servers.S3Output(bucket)));

        var info = (await Main.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { scheduleId }, TriggerType = "AwsS3FileUpload" }))
            .GetProperty("ScheduleInfoSet")[0];

        var trigger = info.GetProperty("Trigger").GetProperty("AwsS3FileUploadTrigger");
        Assert.Equal("***", trigger.GetProperty("S3SecretKey").GetString());
        Assert.Equal(servers.External.Account.SecretId, trigger.GetProperty("S3SecretId").GetString());
        Assert.Equal("***", info.GetProperty("OutputStorage").GetProperty("S3OutputStorage").GetProperty("S3SecretKey").GetString());
        Assert.DoesNotContain(servers.External.Account.SecretKey, info.GetRawText(), StringComparison.Ordinal);
        var cosOnly = await Main.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { scheduleId }, TriggerType = "CosFileUpload" });
        Assert.Equal(0, cosOnly.GetProperty("TotalCount").GetInt64());
    }

    [Fact]
    public async Task ModifySchedule_EchoedMaskedKey_KeepsTheStoredKeySoTasksStillReadTheSource()
    {
        var bucket = await servers.CreateExternalBucketAsync("echo");
        var output = await Buckets.CreateAsync(Main, "echoout");
        var scheduleId = await Main.Mps.CreateScheduleAsync(servers.Schedule("ext-echo", bucket, "/", Orchestrations.Output(output)));
        var described = (await Main.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { scheduleId } })).GetProperty("ScheduleInfoSet")[0];

        await Main.Mps.OkAsync("ModifySchedule", new { ScheduleId = scheduleId, Trigger = described.GetProperty("Trigger"), OutputDir = "/echoed/" });
        await Main.Mps.OkAsync("EnableSchedule", new { ScheduleId = scheduleId });
        await servers.PutExternalAsync(bucket, "e.mp4", await VideoAsync());

        Assert.Equal(1, await servers.ReconcileAsync());
        var detail = await Main.Mps.WaitForFinishAsync(Assert.Single(await servers.TasksOfAsync(bucket, "e.mp4")));
        Assert.Equal("/echoed/e_transcode_100010.mp4", TaskResults.SuccessfulTranscode(detail).GetProperty("Output").GetProperty("Path").GetString());
    }

    [Fact]
    public async Task CreateSchedule_RegionWithoutEndpoint_InvalidS3Region()
    {
        var reply = await Main.Mps.CallAsync("CreateSchedule", servers.Schedule("ext-noregion", "somewhere", "/", new { Type = "COS", CosOutputStorage = new { Bucket = Main.MediaBucket, Region = Orchestrations.Region } }, region: "eu-west-3"));
        reply.AssertError("InvalidParameterValue.S3Region");
        Assert.Contains("ExternalS3:Endpoints:eu-west-3", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSchedule_ExternalTriggerWithoutOutputBucket_MissingParameter()
    {
        var reply = await Main.Mps.CallAsync("CreateSchedule", servers.Schedule("ext-nooutput", "somewhere", "/", new { Type = "COS" }));
        reply.AssertError("MissingParameter");
    }

    [Fact]
    public async Task CreateSchedule_OutputsIntoTheWatchedDir_RefusedAsALoop()
    {
        var bucket = await servers.CreateExternalBucketAsync("loop");
        var reply = await Main.Mps.CallAsync("CreateSchedule", servers.Schedule("ext-loop", bucket, "/in/", servers.S3Output(bucket), outputDir: "/in/out/"));
        reply.AssertError("InvalidParameterValue.OutputDir");
    }

    private async Task EnableAsync(object schedule)
    {
        var id = await Main.Mps.CreateScheduleAsync(schedule);
        await Main.Mps.OkAsync("EnableSchedule", new { ScheduleId = id });
    }

    private async Task<string> VideoAsync(int seconds = 1) =>
        await TestMedia.VideoAsync(Path.Combine(Main.WorkDirectory, RandomNumberGenerator.GetHexString(8) + ".mp4"), seconds);

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
