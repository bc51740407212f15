using Mediaflow.Storage.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Storage.Hosting;

public static class ObjectStoreApplicationBuilderExtensions
{
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
