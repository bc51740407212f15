namespace Mediaflow.Engine.Notifications;

/// <summary>How an outbox row is delivered (the <c>NotifyType</c> column); CMQ and TDMQ-CMQ both map to the broker.</summary>
public static class NotificationChannel
{
    public const string Url = "URL";
    public const string Function = "SCF";
    public const string Queue = "CMQ-QUEUE";
    public const string Topic = "CMQ-TOPIC";

    public static bool IsHttp(string channel) => channel is Url or Function;
}
