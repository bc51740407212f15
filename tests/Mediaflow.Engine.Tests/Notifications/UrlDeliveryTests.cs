using System.Text.Json.Nodes;
using Mediaflow.Application.Notifications;
using Mediaflow.Application.Schedules;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Notifications;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Notifications.NotificationTestKit;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Notifications;

/// <summary>
/// URL callbacks end to end on the real engine: retries on 5xx, 3xx (not followed) and timeouts with one event id,
/// Standard Webhooks signatures with the account's secret, the attempt log, 410 disabling, the SSRF guard's refusal,
/// and delivery that never holds a task back.
/// </summary>
[Collection(NotificationsGroup.Name)]
public sealed class UrlDeliveryTests(NotificationsFixture fixture)
{
    private EngineHost Host => fixture.Host;

    [Fact]
    public async Task Url_500Then302ThenSlowThenOk_OneEventIdEveryAttemptLoggedAndSigned()
    {
        await using var elsewhere = await CallbackReceiver.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync(n => n switch
        {
            1 => new CallbackAnswer(500),
            2 => new CallbackAnswer(302, Location: elsewhere.Url.ToString()),
            3 => new CallbackAnswer(200, Delay: TimeSpan.FromSeconds(3)), // past the 1 s timeout
            _ => new CallbackAnswer(200),
        });
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "retry");
        var taskId = await RunAsync(Host, appId, bucket, Url(receiver.Url));

        var delivered = Assert.Single(await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Delivered));
        Assert.Equal(
            [(1, DeliveryOutcome.Failed, (int?)500), (2, DeliveryOutcome.Failed, 302), (3, DeliveryOutcome.Failed, null), (4, DeliveryOutcome.Delivered, 200)],
            delivered.AttemptSet.Select(a => (a.Attempt, a.Outcome, a.HttpStatus)));
        Assert.Contains("redirects are not followed", delivered.AttemptSet[1].Error, StringComparison.Ordinal);
        Assert.Contains("timed out", delivered.AttemptSet[2].Error, StringComparison.Ordinal);
        Assert.True(delivered.AttemptSet[2].LatencyMs >= 900, $"the timed-out attempt took {delivered.AttemptSet[2].LatencyMs} ms");
        Assert.Empty(elsewhere.Received);

        await receiver.WaitForAsync(r => r.Count == 4, "four attempts");
        var secret = await Host.WithAsync<NotificationDeliveryService, string>(s => s.SigningSecretAsync(appId, CancellationToken.None));
        Assert.All(receiver.Received, r =>
        {
            Assert.Equal((delivered.EventId, delivered.EventId), (r.EventId, r.WebhookId));
            Assert.Equal(WebhookSignature.Sign(secret, r.WebhookId, long.Parse(r.WebhookTimestamp, System.Globalization.CultureInfo.InvariantCulture), r.Raw), r.WebhookSignature);
            Assert.Equal(taskId, r.TaskId);
        });
    }

    [Fact]
    public async Task Url_SigningSecret_PerAccountAndStable()
    {
        var (a, b) = (NewAppId(), NewAppId());
        var secretA = await Host.WithAsync<NotificationDeliveryService, string>(s => s.SigningSecretAsync(a, CancellationToken.None));
        var secretB = await Host.WithAsync<NotificationDeliveryService, string>(s => s.SigningSecretAsync(b, CancellationToken.None));
        Assert.NotEqual(secretA, secretB);
        Assert.Equal(secretA, await Host.WithAsync<NotificationDeliveryService, string>(s => s.SigningSecretAsync(a, CancellationToken.None)));
    }

    [Fact]
    public async Task Url_Gone_DisablesEndpointForAdHocTasksUntilRedelivered()
    {
        await using var gone = await CallbackReceiver.StartAsync(n => n == 1 ? 410 : 200);
        await using var other = await CallbackReceiver.StartAsync();
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "gone");

        var first = await RunAsync(Host, appId, bucket, Url(gone.Url));
        var disabled = Assert.Single(await WaitSettledAsync(Host, appId, first, NotificationStatus.Disabled));
        Assert.Equal(DeliveryOutcome.Gone, Assert.Single(disabled.AttemptSet).Outcome);
        Assert.Contains("410", disabled.LastError, StringComparison.Ordinal);

        // The endpoint is disabled for the account's ad-hoc tasks: the next event is not even attempted; others go on.
        var second = await RunAsync(Host, appId, bucket, Url(gone.Url));
        var skipped = Assert.Single(await WaitSettledAsync(Host, appId, second, NotificationStatus.Disabled));
        Assert.Empty(skipped.AttemptSet);
        Assert.Contains(disabled.EventId, skipped.LastError, StringComparison.Ordinal);
        var elsewhere = await RunAsync(Host, appId, bucket, Url(other.Url));
        await WaitSettledAsync(Host, appId, elsewhere, NotificationStatus.Delivered);
        Assert.Single(gone.Received);

        // Redelivery re-enables it: the same event id arrives, and later events flow again.
        await Host.WithAsync<NotificationDeliveryService>(s => s.RedeliverAsync(appId, disabled.EventId, CancellationToken.None));
        await WaitSettledAsync(Host, appId, first, NotificationStatus.Delivered);
        var third = await RunAsync(Host, appId, bucket, Url(gone.Url));
        await WaitSettledAsync(Host, appId, third, NotificationStatus.Delivered);
        Assert.Equal([disabled.EventId, disabled.EventId], gone.Received.Take(2).Select(r => r.EventId));
    }

    [Fact]
    public async Task Url_Gone_OrchestrationEndpointEnabledAgainWhenModified()
    {
        await using var gone = await CallbackReceiver.StartAsync(n => n == 1 ? 410 : 200);
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "goneorch");
        var scheduleId = await Host.CreateScheduleAsync(appId, new OrchestrationDefinition
        {
            ScheduleName = $"gone-{appId}",
            Trigger = UploadTrigger(bucket, "/never/"),
            Activities = [Input(1), Transcode(M4a(), "{inputName}_g.{format}", 2), Output()],
            TaskNotifyConfig = Url(gone.Url),
        });

        var first = await RunAsync(Host, appId, bucket, Url(gone.Url), scheduleId);
        await WaitSettledAsync(Host, appId, first, NotificationStatus.Disabled);
        var second = await RunAsync(Host, appId, bucket, Url(gone.Url), scheduleId);
        Assert.Empty(Assert.Single(await WaitSettledAsync(Host, appId, second, NotificationStatus.Disabled)).AttemptSet);

        // An ad-hoc task of the same account is another scope: not disabled by the orchestration's 410.
        var adHoc = await RunAsync(Host, appId, bucket, Url(gone.Url));
        await WaitSettledAsync(Host, appId, adHoc, NotificationStatus.Delivered);

        await Host.WithAsync<ScheduleService>(s => s.ModifyAsync(appId, scheduleId, new ScheduleChanges { ScheduleId = scheduleId, ResourceId = "modified" }, CancellationToken.None));
        var third = await RunAsync(Host, appId, bucket, Url(gone.Url), scheduleId);
        await WaitSettledAsync(Host, appId, third, NotificationStatus.Delivered);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.20.30.40:8080/hook")]
    [InlineData("http://[fd00:ec2::254]/")]
    public async Task Url_RefusedAddress_FailsAtOnceWithoutRetryOrConnection(string url)
    {
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "ssrf");
        var taskId = await RunAsync(Host, appId, bucket, new TaskNotifyConfig { NotifyType = "URL", NotifyUrl = url });

        var failed = Assert.Single(await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Failed));
        var attempt = Assert.Single(failed.AttemptSet);
        Assert.Equal(DeliveryOutcome.Refused, attempt.Outcome);
        Assert.Contains("SSRF guard", attempt.Error, StringComparison.Ordinal);
        Assert.Equal("SUCCESS", TaskView.Node(await Host.DetailAsync(appId, taskId), 1).Status);
    }

    [Fact]
    public async Task Url_ReceiverNeverAnswersInTime_TaskFinishesAnyway()
    {
        await using var stuck = await CallbackReceiver.StartAsync(_ => new CallbackAnswer(200, Delay: TimeSpan.FromSeconds(10)));
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "stuck");
        var taskId = await RunAsync(Host, appId, bucket, Url(stuck.Url, TaskNotifyConfig.ModeChange));

        var detail = await Host.WaitFinishedAsync(appId, taskId);
        Assert.Equal("FINISH", TaskView.Status(detail));
        var events = await LogAsync(Host, appId, taskId);
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.Status == NotificationStatus.Delivered);
        await Eventually.WaitAsync(async () => (await LogAsync(Host, appId, taskId)).Any(e => e.AttemptSet.Any(a => a.Error.Contains("timed out", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30), () => "a timed-out attempt is logged");
    }

    [Fact]
    public async Task Redeliver_DeliveredEvent_SameIdSentAgain()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "again");
        var taskId = await RunAsync(Host, appId, bucket, Url(receiver.Url));
        var delivered = Assert.Single(await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Delivered));

        await Host.WithAsync<NotificationDeliveryService>(s => s.RedeliverAsync(appId, delivered.EventId, CancellationToken.None));
        await receiver.WaitForAsync(r => r.Count == 2, "the redelivery");
        var again = Assert.Single(await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Delivered));
        Assert.Equal(2, again.Attempts);
        Assert.Equal([delivered.EventId, delivered.EventId], receiver.Received.Select(r => r.EventId));
        Assert.Equal(JsonNode.Parse(receiver.Received[0].Raw)!["ScheduleTaskEvent"]!.ToJsonString(), JsonNode.Parse(receiver.Received[1].Raw)!["ScheduleTaskEvent"]!.ToJsonString());
    }

    [Fact]
    public async Task Redeliver_OtherAccountsEvent_ResourceNotFound()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "foreign");
        var taskId = await RunAsync(Host, appId, bucket, Url(receiver.Url));
        var delivered = Assert.Single(await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Delivered));

        var error = await Assert.ThrowsAsync<Domain.Errors.ApiException>(() =>
            Host.WithAsync<NotificationDeliveryService>(s => s.RedeliverAsync(NewAppId(), delivered.EventId, CancellationToken.None)));
        Assert.Equal(Domain.Errors.ApiErrorCodes.ResourceNotFound, error.Code);
        Assert.Empty(await LogAsync(Host, NewAppId(), taskId));
    }
}
