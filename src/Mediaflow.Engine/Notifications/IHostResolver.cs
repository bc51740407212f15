using System.Net;

namespace Mediaflow.Engine.Notifications;

/// <summary>Name resolution for callbacks, injectable so tests can map names to refused ranges without DNS.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
