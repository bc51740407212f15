using Mediaflow.Api.Actions;
using Mediaflow.Application.Notifications;

namespace Mediaflow.Api.Notifications;

/// <summary>Extension <c>MfRedeliverNotification</c>: sends a finished (delivered, failed or disabled) event again, same event id.</summary>
public static class MfRedeliverNotificationAction
{
    public const string Name = "MfRedeliverNotification";

    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, NotificationDeliveryService>(Name, async (request, caller, deliveries, cancellationToken) =>
        {
            await deliveries.RedeliverAsync(caller.AppId, request.EventId!, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
    }

    public sealed class Request : IMpsRequest
    {
        public string? EventId { get; init; }

        public void Validate() => MpsRequire.Present(EventId, nameof(EventId));
    }
}
