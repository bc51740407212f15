using System.Collections.Concurrent;
using System.Net;
using Mediaflow.Engine.Notifications;

namespace Mediaflow.Engine.Tests.Notifications;

/// <summary>
/// The SSRF tests' network (DESIGN §7.8): a resolver that maps test names to chosen addresses without DNS, and a
/// connector that records the endpoint it was asked for and throws instead of connecting — never a packet sent.
/// </summary>
public sealed class ConnectSpy(IReadOnlyDictionary<string, IPAddress[]> names) : IHostResolver, ISocketConnector
{
    public ConcurrentQueue<IPEndPoint> Attempts { get; } = new();

    public ConcurrentQueue<string> Resolved { get; } = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Resolved.Enqueue(host);
        return Task.FromResult(names.TryGetValue(host, out var addresses) ? addresses : throw new System.Net.Sockets.SocketException(11001));
    }

    public ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(endpoint);
        throw new IOException($"connect spy: would connect to {endpoint}");
    }
}
