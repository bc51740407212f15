using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Mediaflow.Persistence.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// Delivers one outbox event, at least once: the event id stays the same across attempts (webhook-id, AMQP
/// message-id); <c>Timestamp</c> (attempt time + 600 s) and <c>Sign</c> = MD5(Timestamp + NotifyKey) are computed per
/// attempt. Every attempt is logged (<c>notification_attempts</c>) in the same commit as the event's new state.
/// Failures (non-2xx, 3xx included, timeouts, broker errors) are retried with exponential backoff and jitter until the
/// give-up age; a 410 disables the endpoint; refusals (SSRF guard, unknown function) are permanent. Each attempt is
/// claimed in its own commit first, so two messages for one event never send at once. Events of one
/// (task, target) go out in order; other targets and tasks do not wait, and no task ever waits for a delivery.
/// </summary>
public sealed partial class DeliverNotificationHandler(
    IServiceScopeFactory scopes,
    HttpNotificationSender http,
    AmqpNotificationPublisher amqp,
    EngineOptions options,
    TimeProvider time,
    ILogger<DeliverNotificationHandler> logger)
{
    public const string HttpClientName = HttpNotificationSender.HttpClientName;

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

        // FIFO per (task, target): wait for the earliest pending predecessor, until just after its next attempt.
        var blocker = await db.Notifications
            .Where(n => n.TaskId == row.TaskId && n.Target == row.Target && n.Sequence < row.Sequence && n.Status == NotificationStatus.Pending)
            .OrderBy(n => n.Sequence).Select(n => new { n.NextAttemptAt }).FirstOrDefaultAsync(cancellationToken);
        if (blocker is not null)
        {
            await outbox.PublishAsync(message, new DeliveryOptions { ScheduleDelay = WaitFor(blocker.NextAttemptAt) });
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
            return;
        }

        if (NotificationChannel.IsHttp(row.NotifyType) && await DisabledEndpoints.FindAsync(db, row, cancellationToken) is { } disabled)
        {
            row.Status = NotificationStatus.Disabled;
            row.LastError = DisabledEndpoints.Describe(disabled, row.ScheduleId);
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        row.Attempts++;
        try
        {
            await db.SaveChangesAsync(cancellationToken); // the claim (Attempts is a concurrency token)
        }
        catch (DbUpdateConcurrencyException)
        {
            LogClaimLost(row.EventId);
            return; // another delivery of the same event claimed this attempt; it records the outcome
        }

        var body = Sign(row.BodyJson, row.NotifyKey, now);
        var started = time.GetTimestamp();
        var result = NotificationChannel.IsHttp(row.NotifyType)
            ? await http.SendAsync(row, body, now, cancellationToken)
            : await amqp.PublishAsync(row, body, now, cancellationToken);
        db.NotificationAttempts.Add(new NotificationAttemptRow
        {
            EventId = row.EventId,
            AppId = row.AppId,
            Attempt = row.Attempts,
            Target = row.Target,
            AttemptedAt = now,
            LatencyMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
            Outcome = result.Outcome,
            HttpStatus = result.HttpStatus,
            Error = result.Error,
        });
        await ApplyAsync(outbox, row, result, message, now, cancellationToken);
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
    }

    private async Task ApplyAsync(IDbContextOutbox<MediaflowDbContext> outbox, NotificationRow row, DeliveryResult result, DeliverNotification message,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.LastError = result.Error;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                row.Status = NotificationStatus.Delivered;
                row.DeliveredAt = now;
                row.NextAttemptAt = null;
                break;
            case DeliveryOutcome.Gone:
                row.Status = NotificationStatus.Disabled;
                row.NextAttemptAt = null;
                row.LastError = $"HTTP 410 Gone: endpoint disabled for {(row.ScheduleId == 0 ? "the account's ad-hoc tasks" : $"orchestration {row.ScheduleId}")} until it is modified";
                await DisabledEndpoints.DisableAsync(outbox.DbContext, row, now, cancellationToken);
                LogDisabled(row.Target, row.ScheduleId, row.EventId);
                break;
            case DeliveryOutcome.Refused:
                row.Status = NotificationStatus.Failed;
                row.NextAttemptAt = null;
                LogGaveUp(row.EventId, row.Target, result.Error);
                break;
            default:
                if (now - (row.RetryWindowStart ?? row.CreatedAt) >= options.NotificationGiveUpAfter)
                {
                    row.Status = NotificationStatus.Failed;
                    row.NextAttemptAt = null;
                    LogGaveUp(row.EventId, row.Target, result.Error);
                }
                else
                {
                    var delay = RetryDelay(row.Attempts);
                    row.NextAttemptAt = now + delay;
                    await outbox.PublishAsync(message, new DeliveryOptions { ScheduleDelay = delay });
                }

                break;
        }
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

    private TimeSpan WaitFor(DateTimeOffset? predecessorAttempt)
    {
        var wait = predecessorAttempt is { } at ? at - time.GetUtcNow() + TimeSpan.FromMilliseconds(100) : TimeSpan.Zero;
        return wait < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : wait > options.NotificationMaxRetryDelay ? options.NotificationMaxRetryDelay : wait;
    }

    /// <summary>The retry policy, in one place: doubling from NotificationRetryDelay up to NotificationMaxRetryDelay, then a random 50–100 % of that.</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var exponential = options.NotificationRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential > options.NotificationMaxRetryDelay ? options.NotificationMaxRetryDelay : exponential;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2)); // jitter spreads retries of many events
    }

    [LoggerMessage(LogLevel.Warning, "Gave up delivering notification {EventId} to {Target}: {Error}")]
    private partial void LogGaveUp(string eventId, string target, string error);

    [LoggerMessage(LogLevel.Information, "Notification {EventId}: another delivery claimed the attempt")]
    private partial void LogClaimLost(string eventId);

    [LoggerMessage(LogLevel.Warning, "Notification endpoint {Target} answered 410 Gone to {EventId}; disabled for orchestration {ScheduleId}")]
    private partial void LogDisabled(string target, long scheduleId, string eventId);
}
