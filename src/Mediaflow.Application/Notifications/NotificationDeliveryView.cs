namespace Mediaflow.Application.Notifications;

/// <summary>One event in the delivery log with every attempt made for it (times are ISO-8601 UTC).</summary>
public sealed record NotificationDeliveryView(
    string EventId,
    string TaskId,
    long ScheduleId,
    string NotifyType,
    string Target,
    string RoutingKey,
    string Status,
    int Attempts,
    string LastError,
    string CreateTime,
    string? NextAttemptTime,
    string? DeliveredTime,
    IReadOnlyList<NotificationAttemptView> AttemptSet);

/// <summary>One delivery attempt: when, how it ended (DELIVERED, FAILED, GONE, REFUSED), HTTP status, latency, error.</summary>
public sealed record NotificationAttemptView(int Attempt, string Time, string Target, string Outcome, int? HttpStatus, long LatencyMs, string Error);
