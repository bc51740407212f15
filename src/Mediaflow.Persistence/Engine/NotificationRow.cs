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
    public string NotifyType { get; set; } = "URL";
    public string Target { get; set; } = "";
    public string NotifyKey { get; set; } = "";
    public string BodyJson { get; set; } = "{}";
    public string Status { get; set; } = "PENDING";
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
