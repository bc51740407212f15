using System.Text;
using Mediaflow.Persistence.Engine;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// Publishes CMQ / TDMQ-CMQ events to the configured RabbitMQ broker: queue model → a durable queue named QueueName
/// (declared if absent) through the default exchange; topic model → a durable topic exchange named TopicName with
/// routing key <c>&lt;EventType&gt;.&lt;ScheduleId&gt;</c>. Messages are persistent, carry the event id as message-id,
/// and count as delivered only when the broker confirms them (publisher confirms); a topic message no queue is bound
/// for comes back (mandatory) and is retried like any failure.
/// </summary>
public sealed class AmqpNotificationPublisher(NotificationOptions options, EngineOptions engine) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;
    private IChannel? channel;

    public async Task<DeliveryResult> PublishAsync(NotificationRow row, string body, DateTimeOffset attemptTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (options.Amqp.Uri is null)
        {
            return DeliveryResult.Refused("no message broker is configured (Notifications:Amqp:Uri)");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(engine.NotificationTimeout);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var open = await ChannelAsync(options.Amqp.Uri, timeout.Token);
            string exchange, routingKey;
            if (row.NotifyType == NotificationChannel.Queue)
            {
                await open.QueueDeclareAsync(row.Target, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: timeout.Token);
                (exchange, routingKey) = ("", row.Target);
            }
            else
            {
                await open.ExchangeDeclareAsync(row.Target, ExchangeType.Topic, durable: true, autoDelete: false, arguments: null, cancellationToken: timeout.Token);
                (exchange, routingKey) = (row.Target, row.RoutingKey);
            }

            var properties = new BasicProperties
            {
                Persistent = true,
                MessageId = row.EventId,
                ContentType = "application/json",
                Type = "ScheduleTask",
                Timestamp = new AmqpTimestamp(attemptTime.ToUnixTimeSeconds()),
            };
            await open.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, Encoding.UTF8.GetBytes(body), timeout.Token);
            return DeliveryResult.Delivered;
        }
        catch (PublishException exception)
        {
            return DeliveryResult.Failed(exception.IsReturn ? $"unroutable: no queue is bound to '{row.Target}' for '{RoutingKeyOf(row)}'" : "the broker did not confirm the message");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await ResetAsync();
            return DeliveryResult.Failed($"broker timed out after {engine.NotificationTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception exception) when (exception is IOException or RabbitMQClientException or System.Net.Sockets.SocketException)
        {
            await ResetAsync();
            return DeliveryResult.Failed($"broker: {exception.Message}");
        }
        finally
        {
            gate.Release();
        }
    }

    private static string RoutingKeyOf(NotificationRow row) => row.NotifyType == NotificationChannel.Queue ? row.Target : row.RoutingKey;

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        gate.Dispose();
    }

    private async Task<IChannel> ChannelAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (channel is { IsOpen: true })
        {
            return channel;
        }

        await ResetAsync();
        var factory = new ConnectionFactory { Uri = uri, ClientProvidedName = "mediaflow-notifications", AutomaticRecoveryEnabled = false };
        connection = await factory.CreateConnectionAsync(cancellationToken);
        channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return channel;
    }

    /// <summary>A failed declare (e.g. an exchange of another type) closes the channel; the next publish opens a new one.</summary>
    private async Task ResetAsync()
    {
        var (oldChannel, oldConnection) = (channel, connection);
        (channel, connection) = (null, null);
        if (oldChannel is not null)
        {
            await oldChannel.DisposeAsync();
        }

        if (oldConnection is not null)
        {
            await oldConnection.DisposeAsync();
        }
    }
}
