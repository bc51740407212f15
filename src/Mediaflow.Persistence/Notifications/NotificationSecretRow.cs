namespace Mediaflow.Persistence.Notifications;

/// <summary>An account's Standard Webhooks signing secret (<c>whsec_</c> + base64 of the HMAC key).</summary>
public sealed class NotificationSecretRow
{
    public long AppId { get; set; }
    public string Secret { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
