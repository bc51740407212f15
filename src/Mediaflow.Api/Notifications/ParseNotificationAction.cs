using Mediaflow.Api.Actions;

namespace Mediaflow.Api.Notifications;

/// <summary><c>ParseNotification</c>: returns the fields of a notification body; with <c>MfNotifyKey</c> also verifies it.</summary>
public static class ParseNotificationAction
{
    public const string Name = "ParseNotification";

    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<ParseNotificationRequest, TimeProvider>(Name, HandleAsync);
    }

    public static Task<object> HandleAsync(ParseNotificationRequest request, ApiCaller caller, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var notification = NotificationContent.Parse(request.Content!);
        if (request.MfNotifyKey is { } notifyKey)
        {
            NotificationContent.Verify(notification, notifyKey, time.GetUtcNow());
        }

        return Task.FromResult<object>(notification);
    }
}
