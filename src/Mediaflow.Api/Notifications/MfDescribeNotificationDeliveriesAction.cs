using Mediaflow.Api.Actions;
using Mediaflow.Application.Notifications;

namespace Mediaflow.Api.Notifications;

/// <summary>
/// Extension <c>MfDescribeNotificationDeliveries</c> → <c>{TotalCount, NotificationSet}</c>: the delivery log, every
/// event of the caller's tasks with each attempt (time, target, outcome, HTTP status, latency, error).
/// </summary>
public static class MfDescribeNotificationDeliveriesAction
{
    public const string Name = "MfDescribeNotificationDeliveries";

    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, NotificationDeliveryService>(Name, async (request, caller, deliveries, cancellationToken) =>
        {
            var (total, items) = await deliveries.DescribeAsync(caller.AppId,
                new NotificationDeliveryQuery(request.TaskId, request.EventId, request.Status, request.Limit ?? 20, request.Offset ?? 0), cancellationToken);
            return new { TotalCount = total, NotificationSet = items };
        });
    }

    public sealed class Request : IMpsRequest
    {
        public string? TaskId { get; init; }
        public string? EventId { get; init; }

        /// <summary>PENDING, DELIVERED, FAILED or DISABLED.</summary>
        public string? Status { get; init; }

        public long? Limit { get; init; }
        public long? Offset { get; init; }

        public void Validate()
        {
        }
    }
}
