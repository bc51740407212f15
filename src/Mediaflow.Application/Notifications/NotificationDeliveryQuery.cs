namespace Mediaflow.Application.Notifications;

/// <summary>Filters of MfDescribeNotificationDeliveries: all optional; newest events first.</summary>
public sealed record NotificationDeliveryQuery(string? TaskId, string? EventId, string? Status, long Limit, long Offset);
