using Mediaflow.Storage.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Storage.Hosting;

public static class ObjectStoreApplicationBuilderExtensions
{
    /// <summary>
    /// The least Kestrel <c>MaxRequestBufferSize</c> the store works with: it consumes request bodies in batches of up to
    /// 512 KiB, and a smaller buffer would pause the body before a batch fills (Kestrel's default, 1 MiB, is enough).
    /// </summary>
    public const long MinimumRequestBufferSize = 1024 * 1024;

    /// <summary>
    /// Terminal middleware: every request reaching it is an S3/COS store request (plus <c>GET /healthz</c>). Put it on
    /// the store listener only, e.g. <c>app.MapWhen(c =&gt; c.Connection.LocalPort == storePort, b =&gt; b.RunObjectStore())</c>.
    /// </summary>
    public static void RunObjectStore(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Run(ObjectStoreRequestDelegate(app.ApplicationServices));
    }

    /// <summary>The store as a bare <see cref="RequestDelegate"/>, for hosts that route by other means.</summary>
    public static RequestDelegate ObjectStoreRequestDelegate(IServiceProvider services)
    {
        var endpoint = services.GetRequiredService<StoreEndpoint>();
        return endpoint.HandleAsync;
    }
}
