namespace Mediaflow.Engine.Notifications;

/// <summary>Why an event is sent: NotifyMode Finish sends only <see cref="TaskFinished"/>; Change sends all.</summary>
public enum NotificationKind
{
    TaskStarted,
    NodeChanged,
    NodeProgress,
    TaskFinished,
}
