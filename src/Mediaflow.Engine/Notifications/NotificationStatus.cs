namespace Mediaflow.Engine.Notifications;

public static class NotificationStatus
{
    public const string Pending = "PENDING";
    public const string Delivered = "DELIVERED";
    public const string Failed = "FAILED";

    /// <summary>The endpoint answered 410 Gone (this event or an earlier one): not sent until re-enabled.</summary>
    public const string Disabled = "DISABLED";
}
