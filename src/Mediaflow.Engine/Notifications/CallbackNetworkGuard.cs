using System.Net;
using System.Net.Http;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// The SSRF guard, at connect time (<see cref="SocketsHttpHandler.ConnectCallback"/>): the host is resolved once and
/// only addresses the <see cref="AddressPolicy"/> allows are connected to, so a name that resolves (or re-resolves) to
/// a private or metadata address gains nothing. No proxy is used and redirects are not followed, so this is the only
/// way out. When every address is refused, no connection is attempted at all.
/// </summary>
public sealed class CallbackNetworkGuard(AddressPolicy policy, IHostResolver resolver, ISocketConnector connector)
{
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = ConnectAsync,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
        var allowed = addresses.Where(policy.IsAllowed).ToList();
        if (allowed.Count == 0)
        {
            throw new CallbackRefusedException(
                $"{host} ({string.Join(", ", addresses.Select(a => a.ToString()))}) is a loopback, private, link-local, multicast or reserved address; " +
                "refused by the SSRF guard (Notifications:AllowedNetworks allowlists ranges)");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            try
            {
                return await connector.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            }
            catch (Exception exception) when (exception is System.Net.Sockets.SocketException or IOException)
            {
                last = exception;
            }
        }

        throw new HttpRequestException($"could not connect to {host}: {last?.Message}", last);
    }
}
