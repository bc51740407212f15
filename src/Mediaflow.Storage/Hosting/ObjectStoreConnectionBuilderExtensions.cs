using Mediaflow.Storage.Http;
using Microsoft.AspNetCore.Connections;

namespace Mediaflow.Storage.Hosting;

public static class ObjectStoreConnectionBuilderExtensions
{
    /// <summary>
    /// Connection middleware for the store listener (e.g. Kestrel's <c>ListenOptions</c>): requests whose path holds
    /// <c>%00</c>, which Kestrel would refuse with a bare 400, get the store's <c>InvalidURI</c> error XML instead.
    /// </summary>
    public static IConnectionBuilder UseObjectStoreConnectionGuard(this IConnectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(NulTargetGuard.Wrap);
    }
}
