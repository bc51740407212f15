namespace Mediaflow.Persistence.Engine;

/// <summary>
/// An outgoing event, written in the same transaction as the state change that caused it. <see cref="EventId"/> is
/// stable across delivery attempts; Timestamp and Sign are computed per attempt from <see cref="NotifyKey"/>.
/// </summary>
public sealed class NotificationRow
{
    public string EventId { get; set; } = "";
    public long AppId { get; set; }
    public string TaskId { get; set; } = "";
    public long Sequence { get; set; }
    /// <summary>The orchestration (0 for ad-hoc tasks): a 410 disables the endpoint for it.</summary>
    public long ScheduleId { get; set; }

    /// <summary>The delivery channel: URL, SCF, CMQ-QUEUE or CMQ-TOPIC.</summary>
    public string NotifyType { get; set; } = "URL";

    /// <summary>URL, function name, queue name or topic exchange name.</summary>
    public string Target { get; set; } = "";

    /// <summary>Topic model only: <c>&lt;EventType&gt;.&lt;ScheduleId&gt;</c>.</summary>
    public string RoutingKey { get; set; } = "";
    public string NotifyKey { get; set; } = "";
    public string BodyJson { get; set; } = "{}";
    public string Status { get; set; } = "PENDING";
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Retries give up this long after the event was created, or after a redelivery was asked for.</summary>
    public DateTimeOffset? RetryWindowStart { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
