using System.Net;
using Mediaflow.Storage.Hosting;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Mediaflow.Server.Hosting;

/// <summary>
/// One Kestrel server, two listeners: the MPS API (+ console) and the S3/COS object store. Each connection is tagged
/// with the listener it arrived on, so routing does not depend on ports (which may be picked at start: port 0).
/// </summary>
public sealed class Listeners
{
    private const string ItemKey = "mediaflow.listener";
    private const string StoreTag = "store";
    private ListenOptions? _api;
    private ListenOptions? _store;

    public void Bind(KestrelServerOptions kestrel, ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(options);
        kestrel.Listen(options.ApiListen, listen => _api = listen);
        kestrel.Listen(options.StoreListen, listen =>
        {
            _store = listen;
            listen.Use(next => connection =>
            {
                connection.Items[ItemKey] = StoreTag;
                return next(connection);
            });
            listen.UseObjectStoreConnectionGuard();
        });
    }

    public static bool IsStoreRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        return items is not null && items.TryGetValue(ItemKey, out var tag) && Equals(tag, StoreTag);
    }

    /// <summary>The bound endpoints (ports resolved after start).</summary>
    public (IPEndPoint Api, IPEndPoint Store) Bound()
    {
        var api = _api?.IPEndPoint ?? throw new InvalidOperationException("API listener not bound");
        var store = _store?.IPEndPoint ?? throw new InvalidOperationException("store listener not bound");
        return (api, store);
    }
}
