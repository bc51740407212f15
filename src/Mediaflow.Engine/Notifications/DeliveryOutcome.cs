namespace Mediaflow.Engine.Notifications;

/// <summary>The outcome of one attempt, as the delivery log records it.</summary>
public static class DeliveryOutcome
{
    public const string Delivered = "DELIVERED";
    public const string Failed = "FAILED";
    public const string Gone = "GONE";
    public const string Refused = "REFUSED";
}
