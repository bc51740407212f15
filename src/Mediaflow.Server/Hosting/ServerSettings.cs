using Mediaflow.Engine;
using Mediaflow.Media;
using Mediaflow.Persistence;
using Mediaflow.Storage;
using Microsoft.Extensions.Configuration;

namespace Mediaflow.Server.Hosting;

/// <summary>
/// The settings of every part, from `serve` options plus ASP.NET configuration (<c>&lt;data-dir&gt;/mediaflow.json</c>,
/// env <c>MEDIAFLOW__Section__Key</c>). Sections: Database (Provider, ConnectionString), Storage, Media, Engine.
/// </summary>
public sealed record ServerSettings(DatabaseOptions Database, StorageOptions Storage, MediaOptions Media, EngineOptions Engine)
{
    public static ServerSettings From(IConfiguration configuration, ServeOptions serve)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(serve);
        Directory.CreateDirectory(serve.DataDirectory);
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var database = provider == DatabaseProvider.Sqlite
            ? DatabaseOptions.SqliteFile(Path.Combine(serve.DataDirectory, "mediaflow.db"))
            : new DatabaseOptions(provider, configuration["Database:ConnectionString"]
                ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL"));

        var storage = new StorageOptions
        {
            RootDirectory = Path.Combine(serve.DataDirectory, "objects"),
            DefaultRegion = serve.Region,
            MinimumPartSize = configuration.GetValue("Storage:MinimumPartSize", 5L * 1024 * 1024),
            CosMinimumPartSize = configuration.GetValue("Storage:CosMinimumPartSize", 1024L * 1024),
            MinFreeBytes = configuration.GetValue("Storage:MinFreeBytes", 0L),
            MultipartExpiry = configuration.GetValue("Storage:MultipartExpiry", TimeSpan.FromDays(7)),
            BlobGracePeriod = configuration.GetValue("Storage:BlobGracePeriod", TimeSpan.FromHours(24)),
        };
        var media = configuration.GetSection("Media").Get<MediaOptions>() ?? new MediaOptions();
        var engine = new EngineOptions { WorkDirectory = Path.Combine(serve.DataDirectory, "work") };
        configuration.GetSection("Engine").Bind(engine);
        configuration.GetSection("Notifications").Bind(engine.Notifications);
        var grace = configuration.GetValue("Server:ShutdownGraceSeconds", 30);
        engine.ShutdownGrace = TimeSpan.FromSeconds(grace);
        return new ServerSettings(database, storage, media, engine);
    }
}
