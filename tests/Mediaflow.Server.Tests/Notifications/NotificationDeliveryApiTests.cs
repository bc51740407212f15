using System.Globalization;
using System.Text.Json;
using Mediaflow.Engine.Notifications;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Notifications;

/// <summary>
/// The delivery log, redelivery and the signing secret through the API (MfDescribeNotificationDeliveries,
/// MfRedeliverNotification, MfDescribeNotificationSecret) and through `mediaflow notifications …`, which calls them.
/// </summary>
public sealed class NotificationDeliveryApiTests(NotificationServer server) : IClassFixture<NotificationServer>, IAsyncLifetime
{
    private const string Key = "in/clip.mp4";
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "notify");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 1);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string> RunAsync(object notify) => Mps.ProcessMediaAsync(new
    {
        InputInfo = Orchestrations.CosInput(bucket, Key),
        OutputDir = $"/{Guid.NewGuid():N}/",
        Activities = Orchestrations.Transcodes(1010),
        TaskNotifyConfig = notify,
    });

    private async Task<JsonElement> WaitForEventAsync(string taskId, string status, int attempts)
    {
        JsonElement log = default;
        await Poll.UntilAsync(async () =>
        {
            log = await Mps.OkAsync("MfDescribeNotificationDeliveries", new { TaskId = taskId });
            return log.GetProperty("TotalCount").GetInt64() == 1
                && log.GetProperty("NotificationSet")[0].GetProperty("Status").GetString() == status
                && log.GetProperty("NotificationSet")[0].GetProperty("Attempts").GetInt32() == attempts;
        }, TimeSpan.FromSeconds(120), () => $"event of {taskId} {status} after {attempts} attempts: {log}\n{server.LogTail()}");
        return log.GetProperty("NotificationSet")[0];
    }

    private Task<MediaflowCli.Result> CliAsync(params string[] arguments) =>
        MediaflowCli.RunAsync(["notifications", .. arguments, "--data-dir", server.DataDirectory]);

    [Fact]
    public async Task DeliveryLog_FailedThenDelivered_ReadableRedeliverableAndVerifiable()
    {
        await using var receiver = await HookReceiver.StartAsync(n => n == 1 ? 503 : 200);
        var taskId = await RunAsync(new { NotifyType = "URL", NotifyUrl = receiver.Url.ToString(), NotifyKey = "k" });
        var notification = await WaitForEventAsync(taskId, "DELIVERED", 2);

        var eventId = notification.GetProperty("EventId").GetString()!;
        Assert.Equal(("URL", receiver.Url.ToString()), (notification.GetProperty("NotifyType").GetString(), notification.GetProperty("Target").GetString()));
        var attempts = notification.GetProperty("AttemptSet").EnumerateArray().ToList();
        Assert.Equal([("FAILED", 503), ("DELIVERED", 200)], attempts.Select(a => (a.GetProperty("Outcome").GetString(), a.GetProperty("HttpStatus").GetInt32())));
        Assert.All(attempts, a => Assert.True(DateTimeOffset.TryParse(a.GetProperty("Time").GetString(), CultureInfo.InvariantCulture, out _)));
        Assert.All(attempts, a => Assert.True(a.GetProperty("LatencyMs").GetInt64() >= 0));

        // The CLI reads the same log through the API.
        var cli = await CliAsync("deliveries", "--task-id", taskId);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        using var printed = JsonDocument.Parse(cli.Stdout);
        Assert.Equal(eventId, printed.RootElement.GetProperty("NotificationSet")[0].GetProperty("EventId").GetString());
        Assert.Equal(2, printed.RootElement.GetProperty("NotificationSet")[0].GetProperty("AttemptSet").GetArrayLength());

        // Redelivery by CLI: the same id arrives a third time.
        var redeliver = await CliAsync("redeliver", eventId);
        Assert.True(redeliver.ExitCode == 0, redeliver.Stderr);
        await WaitForEventAsync(taskId, "DELIVERED", 3);
        Assert.Equal([eventId, eventId, eventId], receiver.Received.Select(h => h.Id));

        // Every attempt verifies with the account's secret, which the API and the CLI both give out.
        var secret = (await Mps.OkAsync("MfDescribeNotificationSecret")).GetProperty("SigningSecret").GetString()!;
        var secretCli = await CliAsync("secret");
        Assert.Equal(secret, JsonDocument.Parse(secretCli.Stdout).RootElement.GetProperty("SigningSecret").GetString());
        Assert.All(receiver.Received, h =>
            Assert.Equal(WebhookSignature.Sign(secret, h.Id, long.Parse(h.Timestamp, CultureInfo.InvariantCulture), h.Body), h.Signature));
    }

    [Fact]
    public async Task DeliveryLog_OtherAccount_SeesNothing()
    {
        await using var receiver = await HookReceiver.StartAsync(_ => 200);
        var taskId = await RunAsync(new { NotifyUrl = receiver.Url.ToString() }); // empty NotifyType + NotifyUrl = URL
        var notification = await WaitForEventAsync(taskId, "DELIVERED", 1);

        var created = await MediaflowCli.RunAsync("accounts", "create", "--json", "--data-dir", server.DataDirectory);
        using var account = JsonDocument.Parse(created.Stdout);
        var other = server.MpsFor(new AccountKey(account.RootElement.GetProperty("AppId").GetInt64(),
            account.RootElement.GetProperty("SecretId").GetString()!, account.RootElement.GetProperty("SecretKey").GetString()!));
        Assert.Equal(0, (await other.OkAsync("MfDescribeNotificationDeliveries", new { TaskId = taskId })).GetProperty("TotalCount").GetInt64());
        (await other.CallAsync("MfRedeliverNotification", new { EventId = notification.GetProperty("EventId").GetString() })).AssertError("ResourceNotFound");
        Assert.NotEqual(
            (await Mps.OkAsync("MfDescribeNotificationSecret")).GetProperty("SigningSecret").GetString(),
            (await other.OkAsync("MfDescribeNotificationSecret")).GetProperty("SigningSecret").GetString());
    }

    [Theory]
    [InlineData("MfDescribeNotificationDeliveries", """{"Status":"LOST"}""", "InvalidParameterValue.Status")]
    [InlineData("MfDescribeNotificationDeliveries", """{"Limit":101}""", "InvalidParameterValue.Limit")]
    [InlineData("MfDescribeNotificationDeliveries", """{"Offset":-1}""", "InvalidParameterValue.Offset")]
    [InlineData("MfDescribeNotificationDeliveries", """{"Limit":"ten"}""", "InvalidParameter")]
    [InlineData("MfRedeliverNotification", """{}""", "MissingParameter")]
    [InlineData("MfRedeliverNotification", """{"EventId":"no-such-event"}""", "ResourceNotFound")]
    public async Task BadInput_ClearError(string action, string body, string code)
    {
        (await Mps.SendAsync(action, body)).AssertError(code);
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task ProcessMedia_QueueWithoutBrokerConfigured_UnsupportedOperation()
    {
        var reply = await Mps.CallAsync("ProcessMedia", new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = Orchestrations.Transcodes(1010),
            TaskNotifyConfig = new { NotifyType = "CMQ", CmqModel = "Queue", QueueName = "events" },
        });
        reply.AssertError("UnsupportedOperation");
        Assert.Contains("Notifications:Amqp:Uri", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_RedeliverUnknownEvent_ExitsNonZeroWithTheApiError()
    {
        var result = await CliAsync("redeliver", "no-such-event");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ResourceNotFound", result.Stderr, StringComparison.Ordinal);
    }
}
