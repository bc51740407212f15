using System.Text;
using System.Text.Json.Nodes;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Notifications;
using Mediaflow.Engine.Tests.Support;
using RabbitMQ.Client;
using static Mediaflow.Engine.Tests.Notifications.NotificationTestKit;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Notifications;

/// <summary>
/// CMQ / TDMQ-CMQ on a real RabbitMQ node (queue and topic models), SCF through a configured function endpoint, and
/// the types the server cannot deliver refused when the task is created.
/// </summary>
[Collection(NotificationsGroup.Name)]
public sealed class BrokerDeliveryTests(NotificationsFixture fixture)
{
    private EngineHost Host => fixture.Host;

    private static async Task<List<BasicGetResult>> DrainAsync(IChannel channel, string queue)
    {
        var messages = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    private static JsonObject Body(BasicGetResult message) => JsonNode.Parse(Encoding.UTF8.GetString(message.Body.Span))!.AsObject();

    [Fact]
    public async Task Queue_ChangeMode_DurableQueuePersistentMessagesInOrderWithEventIds()
    {
        var appId = NewAppId();
        var queue = $"mf-q-{appId}";
        var bucket = await SourceAsync(Host, fixture.Media, appId, "queue");
        var taskId = await RunAsync(Host, appId, bucket, new TaskNotifyConfig
        {
            NotifyType = "CMQ", NotifyMode = "Change", CmqModel = "Queue", QueueName = queue, NotifyKey = "queue-key",
        });
        await Host.WaitFinishedAsync(appId, taskId); // every event is in the outbox once the task is FINISH
        var events = await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Delivered);

        await using var connection = await fixture.Broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var declared = await channel.QueueDeclarePassiveAsync(queue); // exists: the publisher declared it
        Assert.Equal((uint)events.Count, declared.MessageCount);
        var messages = await DrainAsync(channel, queue);

        Assert.True(events.Count >= 3, $"Change mode sends start, node and finish events; got {events.Count}");
        Assert.Equal(events.Select(e => e.EventId), messages.Select(m => m.BasicProperties.MessageId));
        Assert.All(messages, m =>
        {
            Assert.True(m.BasicProperties.Persistent);
            Assert.Equal("application/json", m.BasicProperties.ContentType);
            var body = Body(m);
            Assert.Equal(taskId, body["ScheduleTaskEvent"]!["TaskId"]!.GetValue<string>());
            var timestamp = body["Timestamp"]!.GetValue<long>();
            Assert.Equal(Api.Notifications.NotificationContent.Sign(timestamp, "queue-key"), body["Sign"]!.GetValue<string>());
        });
        Assert.Equal("FINISH", Body(messages[^1])["ScheduleTaskEvent"]!["Status"]!.GetValue<string>());
        Assert.Single(messages, m => Body(m)["ScheduleTaskEvent"]!["Status"]!.GetValue<string>() == "FINISH");
    }

    [Fact]
    public async Task Topic_RoutingKeyIsEventTypeAndScheduleId_BoundQueueReceives()
    {
        var appId = NewAppId();
        var exchange = $"mf-t-{appId}";
        await using var connection = await fixture.Broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
        var subscriber = (await channel.QueueDeclareAsync()).QueueName;
        await channel.QueueBindAsync(subscriber, exchange, "ScheduleTask.*");

        var bucket = await SourceAsync(Host, fixture.Media, appId, "topic");
        var taskId = await RunAsync(Host, appId, bucket, new TaskNotifyConfig { NotifyType = "TDMQ-CMQ", CmqModel = "Topic", TopicName = exchange });
        var delivered = Assert.Single(await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Delivered));

        var message = Assert.Single(await DrainAsync(channel, subscriber));
        Assert.Equal(("ScheduleTask.0", delivered.EventId, exchange), (message.RoutingKey, message.BasicProperties.MessageId, message.Exchange));
        Assert.Equal(taskId, Body(message)["ScheduleTaskEvent"]!["TaskId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Topic_NoQueueBoundYet_RetriedUntilASubscriberBinds()
    {
        var appId = NewAppId();
        var exchange = $"mf-late-{appId}";
        var bucket = await SourceAsync(Host, fixture.Media, appId, "late");
        var taskId = await RunAsync(Host, appId, bucket, new TaskNotifyConfig { NotifyType = "CMQ", CmqModel = "Topic", TopicName = exchange });
        await Eventually.WaitAsync(async () => (await LogAsync(Host, appId, taskId)).Any(e => e.AttemptSet.Count >= 2),
            TimeSpan.FromSeconds(30), () => "two unroutable attempts");
        var pending = Assert.Single(await LogAsync(Host, appId, taskId));
        Assert.Equal(NotificationStatus.Pending, pending.Status);
        Assert.Contains("unroutable", pending.LastError, StringComparison.Ordinal);

        await using var connection = await fixture.Broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var subscriber = (await channel.QueueDeclareAsync()).QueueName;
        await channel.QueueBindAsync(subscriber, exchange, "#"); // the exchange exists: the publisher declared it
        await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Delivered);
        Assert.Equal(pending.EventId, Assert.Single(await DrainAsync(channel, subscriber)).BasicProperties.MessageId);
    }

    [Fact]
    public async Task Function_ConfiguredName_PostedToItsEndpointSigned()
    {
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "scf");
        var taskId = await RunAsync(Host, appId, bucket, new TaskNotifyConfig { NotifyType = "SCF", NotifyUrl = NotificationsFixture.FunctionName });
        var delivered = Assert.Single(await WaitSettledAsync(Host, appId, taskId, NotificationStatus.Delivered));

        var call = Assert.Single(fixture.Function.ForTask(taskId));
        Assert.Equal(($"/functions/{NotificationsFixture.FunctionName}", delivered.EventId), (call.Path, call.WebhookId));
        Assert.Equal((NotificationChannel.Function, NotificationsFixture.FunctionName), (delivered.NotifyType, delivered.Target));
        Assert.StartsWith("v1,", call.WebhookSignature, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SCF", null, "not-configured")]
    [InlineData("AWS-SQS", null, null)]
    public async Task ProcessMedia_UndeliverableType_UnsupportedOperationAndNoTask(string type, string? model, string? url)
    {
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "undeliverable");
        var error = await Assert.ThrowsAsync<ApiException>(() => RunAsync(Host, appId, bucket, new TaskNotifyConfig { NotifyType = type, CmqModel = model, NotifyUrl = url }));
        Assert.Equal(ApiErrorCodes.UnsupportedOperation, error.Code);
        Assert.Empty(await Host.TaskIdsAsync(appId));
    }

    [Fact]
    public async Task ProcessMedia_QueueWithoutName_MissingParameter()
    {
        var appId = NewAppId();
        var bucket = await SourceAsync(Host, fixture.Media, appId, "noname");
        var error = await Assert.ThrowsAsync<ApiException>(() => Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "audio.m4a"),
            Activities = [Input(1), Transcode(M4a(), "{inputName}_n.{format}", 2), Output()],
            TaskNotifyConfig = new TaskNotifyConfig { NotifyType = "CMQ", CmqModel = "Queue" },
        }));
        Assert.Equal(ApiErrorCodes.MissingParameter, error.Code);
    }
}
