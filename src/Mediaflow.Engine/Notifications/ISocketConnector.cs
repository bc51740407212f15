using System.Net;

namespace Mediaflow.Engine.Notifications;

/// <summary>Opens the TCP connection to an address the guard allowed; tests put a spy here that never connects.</summary>
public interface ISocketConnector
{
    ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken);
}
