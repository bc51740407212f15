using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Notifications;

/// <summary>A server whose SSRF guard lets callbacks reach the loopback receivers of the tests; no broker configured.</summary>
public sealed class NotificationServer : MediaflowServer
{
    protected override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["MEDIAFLOW__Notifications__AllowedNetworks__0"] = "127.0.0.0/8",
        ["MEDIAFLOW__Engine__NotificationRetryDelay"] = "00:00:00.200",
        ["MEDIAFLOW__Engine__NotificationMaxRetryDelay"] = "00:00:00.500",
    };
}
