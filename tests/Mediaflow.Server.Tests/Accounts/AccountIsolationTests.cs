using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Accounts;

/// <summary>
/// The admin CLI run against the data directory of a running server (DESIGN §7.2): a second account works at once and
/// sees nothing of the first one's schedules, tasks and buckets.
/// </summary>
public sealed class AccountIsolationTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    [Fact]
    public async Task AccountsCreate_WhileServing_NewKeyWorksAndSeesNothingOfTheFirstAccount()
    {
        var first = server.Mps;
        var bucket = await Buckets.CreateAsync(server, "owner");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "owner.mp4"), seconds: 1);
        await Buckets.PutFileAsync(server, bucket, "in/clip.mp4", clip);
        var scheduleId = await first.CreateScheduleAsync(Orchestrations.Schedule("owned", bucket, "/in/", Orchestrations.Transcodes(1010)));
        var taskId = await first.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, "in/clip.mp4"), ScheduleId = scheduleId });
        await first.WaitForFinishAsync(taskId);

        var created = await MediaflowCli.RunAsync("accounts", "create", "--json", "--data-dir", server.DataDirectory);

        Assert.True(created.ExitCode == 0, created.Stderr);
        using var json = JsonDocument.Parse(created.Stdout);
        var other = new AccountKey(json.RootElement.GetProperty("AppId").GetInt64(), json.RootElement.GetProperty("SecretId").GetString()!, json.RootElement.GetProperty("SecretKey").GetString()!);
        Assert.NotEqual(server.Account.AppId, other.AppId);
        Assert.Matches("^[0-9]{10}$", other.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var second = server.MpsFor(other);

        Assert.Equal(0, (await second.OkAsync("DescribeSchedules", new { Limit = 100 })).GetProperty("TotalCount").GetInt64());
        Assert.Equal(0, (await second.OkAsync("DescribeTasks", new { Status = "FINISH", Limit = 100 })).GetProperty("TotalCount").GetInt64());
        (await second.CallAsync("DescribeTaskDetail", new { TaskId = taskId })).AssertError("InvalidParameterValue.TaskId");
        (await second.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, "in/clip.mp4"), Activities = Orchestrations.Transcodes(1010) }))
            .AssertError("InvalidParameterValue.InputInfo");
        (await second.CallAsync("CreateSchedule", Orchestrations.Schedule("squat", bucket, "/in/", Orchestrations.Transcodes(1010))))
            .AssertError("ResourceNotFound.CosBucketNotExist");
        (await second.CallAsync("EnableSchedule", new { ScheduleId = scheduleId })).AssertError("ResourceNotFound.TemplateNotExist");

        using var s3 = server.S3For(other);
        var buckets = await s3.ListBucketsAsync();
        Assert.DoesNotContain(buckets.Buckets ?? [], b => b.BucketName == bucket);
        var head = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }));
        Assert.Contains(head.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        var location = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetBucketLocationAsync(bucket));
        Assert.Contains(location.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        var read = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(bucket, "in/clip.mp4"));
        Assert.Contains(read.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        // The second account has its own COS-style bucket and runs its own tasks.
        var own = await Buckets.CreateAsync(server, "other", other);
        await Buckets.PutFileAsync(server, own, "in/clip.mp4", clip, other);
        var ownTask = await second.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(own, "in/clip.mp4"), Activities = Orchestrations.Transcodes(1010) });
        TaskResults.SuccessfulTranscode(await second.WaitForFinishAsync(ownTask));
        (await first.CallAsync("DescribeTaskDetail", new { TaskId = ownTask })).AssertError("InvalidParameterValue.TaskId");
        Assert.DoesNotContain((await server.S3For(server.Account).ListBucketsAsync()).Buckets ?? [], b => b.BucketName == own);
    }

    [Fact]
    public async Task KeysShow_Json_PrintsAnArrayStartingWithTheDefaultAccountKey()
    {
        var shown = await MediaflowCli.RunAsync("keys", "show", "--json", "--data-dir", server.DataDirectory);

        Assert.True(shown.ExitCode == 0, shown.Stderr);
        using var json = JsonDocument.Parse(shown.Stdout);
        // Always an array, however many keys there are: a script must not need to know the count to parse it.
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var first = json.RootElement[0];
        Assert.Equal(server.Account.AppId, first.GetProperty("AppId").GetInt64());
        Assert.Equal(server.Account.SecretId, first.GetProperty("SecretId").GetString());
        Assert.Equal(server.Account.SecretKey, first.GetProperty("SecretKey").GetString());
        Assert.Equal("Enabled", first.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task Healthz_BothListeners_Ok()
    {
        foreach (var listener in new[] { server.Api, server.Store })
        {
            using var response = await server.GetAsync(new Uri(listener, "/healthz"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
