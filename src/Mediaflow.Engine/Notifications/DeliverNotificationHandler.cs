using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// Delivers one outbox notification by HTTP POST (NotifyType URL), at least once: the event id stays the same across
/// attempts; <c>Timestamp</c> (attempt time + 600 s) and <c>Sign</c> = MD5(Timestamp + NotifyKey) are computed per
/// attempt. Non-2xx (3xx included: redirects are not followed) and timeouts are failures, retried with exponential
/// backoff and jitter until the give-up time. Events of one task go out in order.
/// </summary>
public sealed partial class DeliverNotificationHandler(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    EngineOptions options,
    TimeProvider time,
    ILogger<DeliverNotificationHandler> logger)
{
    public const string HttpClientName = "mediaflow-notifications";

    public async Task Handle(DeliverNotification message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<MediaflowDbContext>>();
        var db = outbox.DbContext;
        var row = await db.Notifications.SingleOrDefaultAsync(n => n.EventId == message.EventId, cancellationToken);
        if (row is null || row.Status != NotificationStatus.Pending)
        {
            return;
        }

        var earlierPending = await db.Notifications.AnyAsync(
            n => n.TaskId == row.TaskId && n.Target == row.Target && n.Sequence < row.Sequence && n.Status == NotificationStatus.Pending, cancellationToken);
        if (earlierPending)
        {
            await outbox.PublishAsync(message, new DeliveryOptions { ScheduleDelay = TimeSpan.FromMilliseconds(200) });
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        row.Attempts++;
        var error = await PostAsync(row.Target, Sign(row.BodyJson, row.NotifyKey, now), row.EventId, cancellationToken);
        if (error is null)
        {
            row.Status = NotificationStatus.Delivered;
            row.DeliveredAt = now;
            row.LastError = "";
        }
        else if (now - row.CreatedAt >= options.NotificationGiveUpAfter)
        {
            row.Status = NotificationStatus.Failed;
            row.LastError = error;
            LogGaveUp(row.EventId, row.Target, error);
        }
        else
        {
            row.LastError = error;
            var delay = RetryDelay(row.Attempts);
            row.NextAttemptAt = now + delay;
            await outbox.PublishAsync(message, new DeliveryOptions { ScheduleDelay = delay });
        }

        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
    }

    /// <summary>The body as sent: the stored event plus this attempt's Timestamp and Sign.</summary>
    public static string Sign(string bodyJson, string notifyKey, DateTimeOffset attemptTime)
    {
        var body = JsonNode.Parse(bodyJson)!.AsObject();
        var timestamp = attemptTime.ToUnixTimeSeconds() + 600;
        body["Timestamp"] = timestamp;
        body["Sign"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + notifyKey)));
        return body.ToJsonString(EngineJson.Options);
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var exponential = options.NotificationRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential > options.NotificationMaxRetryDelay ? options.NotificationMaxRetryDelay : exponential;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2)); // jitter spreads retries of many events
    }

    private async Task<string?> PostAsync(string target, string body, string eventId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.NotificationTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-Mf-Event-Id", eventId);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out after {options.NotificationTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException exception)
        {
            return exception.Message;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Gave up delivering notification {EventId} to {Target}: {Error}")]
    private partial void LogGaveUp(string eventId, string target, string error);
}
