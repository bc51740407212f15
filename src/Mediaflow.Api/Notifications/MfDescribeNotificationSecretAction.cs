using Mediaflow.Api.Actions;
using Mediaflow.Application.Notifications;

namespace Mediaflow.Api.Notifications;

/// <summary>
/// Extension <c>MfDescribeNotificationSecret</c> → <c>{SigningSecret}</c>: the caller's Standard Webhooks secret
/// (<c>whsec_…</c>) that verifies the <c>webhook-signature</c> header of its URL and SCF callbacks.
/// </summary>
public static class MfDescribeNotificationSecretAction
{
    public const string Name = "MfDescribeNotificationSecret";

    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, NotificationDeliveryService>(Name, async (request, caller, deliveries, cancellationToken) =>
            new { SigningSecret = await deliveries.SigningSecretAsync(caller.AppId, cancellationToken) });
    }

    public sealed class Request : IMpsRequest
    {
        public void Validate()
        {
        }
    }
}
