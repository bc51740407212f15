namespace Mediaflow.Engine.Notifications;

public static class NotificationStatus
{
    public const string Pending = "PENDING";
    public const string Delivered = "DELIVERED";
    public const string Failed = "FAILED";
}
