namespace Mediaflow.Persistence.Notifications;

/// <summary>One delivery attempt of one event: when, where, how it ended, how long it took.</summary>
public sealed class NotificationAttemptRow
{
    public long Id { get; set; }
    public string EventId { get; set; } = "";
    public long AppId { get; set; }
    public int Attempt { get; set; }
    public string Target { get; set; } = "";
    public DateTimeOffset AttemptedAt { get; set; }
    public long LatencyMs { get; set; }

    /// <summary>DELIVERED, FAILED (retried), GONE (HTTP 410) or REFUSED (permanent: SSRF guard, unknown function).</summary>
    public string Outcome { get; set; } = "";

    public int? HttpStatus { get; set; }
    public string Error { get; set; } = "";
}
