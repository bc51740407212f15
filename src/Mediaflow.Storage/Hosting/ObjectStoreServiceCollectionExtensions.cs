using Mediaflow.Storage.Buckets;
using Mediaflow.Storage.Disk;
using Mediaflow.Storage.Events;
using Mediaflow.Storage.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Storage.Hosting;

public static class ObjectStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded object store: <see cref="IObjectStore"/>, <see cref="IBucketCatalog"/>,
    /// <see cref="IObjectEventLog"/> and the S3/COS endpoint served by <c>app.RunObjectStore()</c>.
    /// The host must also register <c>ICredentialLookup</c>, a <c>TimeProvider</c>, logging, and
    /// <c>services.AddDbContextFactory&lt;MediaflowDbContext&gt;(o =&gt; o.UseMediaflowDatabase(db))</c> on a database
    /// brought up to date with <c>SchemaMigrator.MigrateUp</c>.
    /// </summary>
    public static IServiceCollection AddMediaflowObjectStore(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.RootDirectory);
        services.AddSingleton(options);
        services.AddSingleton<EventSignal>();
        services.AddSingleton<DiskObjectStore>();
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<DiskObjectStore>());
        services.AddSingleton<IBucketCatalog>(sp => sp.GetRequiredService<DiskObjectStore>());
        services.AddSingleton<IObjectEventLog, ObjectEventLog>();
        services.AddSingleton(sp => new Browsing.ObjectBrowser(sp.GetRequiredService<DiskObjectStore>(), options));
        services.AddSingleton<StoreEndpoint>();
        services.AddHostedService<StoreMaintenance>();
        return services;
    }
}
