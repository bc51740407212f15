using System.Globalization;
using Mediaflow.Domain.Errors;
using Mediaflow.Engine.Notifications;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Mediaflow.Application.Notifications;

/// <summary>
/// The delivery log (MfDescribeNotificationDeliveries), redelivery on demand (MfRedeliverNotification) and the
/// account's Standard Webhooks signing secret (MfDescribeNotificationSecret); the CLI goes through these actions.
/// </summary>
public sealed class NotificationDeliveryService(IDbContextOutbox<MediaflowDbContext> outbox, SigningSecrets secrets, TimeProvider time)
{
    private static readonly HashSet<string> Statuses =
        [NotificationStatus.Pending, NotificationStatus.Delivered, NotificationStatus.Failed, NotificationStatus.Disabled];

    public async Task<(long Total, IReadOnlyList<NotificationDeliveryView> Items)> DescribeAsync(long appId, NotificationDeliveryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit == 0 ? 20 : query.Limit;
        if (limit is < 1 or > 100)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Limit"), "Limit must be 1-100");
        }

        if (query.Offset < 0)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Offset"), "Offset must not be negative");
        }

        if (!string.IsNullOrEmpty(query.Status) && !Statuses.Contains(query.Status))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Status"), $"Status must be one of {string.Join(", ", Statuses)}");
        }

        var db = outbox.DbContext;
        var events = db.Notifications.AsNoTracking().Where(n => n.AppId == appId);
        if (!string.IsNullOrEmpty(query.TaskId))
        {
            events = events.Where(n => n.TaskId == query.TaskId);
        }

        if (!string.IsNullOrEmpty(query.EventId))
        {
            events = events.Where(n => n.EventId == query.EventId);
        }

        if (!string.IsNullOrEmpty(query.Status))
        {
            events = events.Where(n => n.Status == query.Status);
        }

        var total = await events.LongCountAsync(cancellationToken);
        var page = await events.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Sequence).ThenBy(n => n.EventId)
            .Skip((int)query.Offset).Take((int)limit).ToListAsync(cancellationToken);
        var ids = page.Select(n => n.EventId).ToList();
        var attempts = (await db.NotificationAttempts.AsNoTracking().Where(a => ids.Contains(a.EventId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.EventId);
        var items = page.Select(n => new NotificationDeliveryView(
            n.EventId, n.TaskId, n.ScheduleId, n.NotifyType, n.Target, n.RoutingKey, n.Status, n.Attempts, n.LastError,
            Iso(n.CreatedAt), n.NextAttemptAt is { } next && n.Status == NotificationStatus.Pending ? Iso(next) : null, n.DeliveredAt is { } at ? Iso(at) : null,
            attempts[n.EventId].OrderBy(a => a.Attempt).ThenBy(a => a.Id)
                .Select(a => new NotificationAttemptView(a.Attempt, Iso(a.AttemptedAt), a.Target, a.Outcome, a.HttpStatus, a.LatencyMs, a.Error)).ToList()))
            .ToList();
        return (total, items);
    }

    /// <summary>
    /// Sends an event again, whatever its state (delivered, failed, disabled), with the same event id; the retry window
    /// starts anew and a 410-disabled endpoint is re-enabled (the operator asked for it).
    /// </summary>
    public async Task RedeliverAsync(long appId, string eventId, CancellationToken cancellationToken)
    {
        var db = outbox.DbContext;
        var row = await db.Notifications.SingleOrDefaultAsync(n => n.EventId == eventId && n.AppId == appId, cancellationToken)
            ?? throw new ApiException(ApiErrorCodes.ResourceNotFound, $"notification event '{eventId}' does not exist");
        if (row.Status == NotificationStatus.Pending)
        {
            throw new ApiException(ApiErrorCodes.ResourceInUse, $"notification event '{eventId}' is still being delivered (next attempt {row.NextAttemptAt?.ToString("O", CultureInfo.InvariantCulture) ?? "now"})");
        }

        await DisabledEndpoints.EnableAsync(db, row, cancellationToken);
        row.Status = NotificationStatus.Pending;
        row.RetryWindowStart = time.GetUtcNow();
        row.NextAttemptAt = null;
        await outbox.PublishAsync(new DeliverNotification(row.EventId));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ApiException(ApiErrorCodes.ResourceInUse, $"notification event '{eventId}' is being delivered right now; try again");
        }
    }

    public Task<string> SigningSecretAsync(long appId, CancellationToken cancellationToken) => secrets.GetAsync(appId, cancellationToken);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
