namespace Mediaflow.Persistence;

/// <summary>Which database holds the application state (and Wolverine's envelopes, in the same database).</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// The embedded default: one SQLite file in WAL mode, fully synchronous so an acknowledged commit survives a crash.
    /// Private cache per connection (not <c>Cache=Shared</c>): in shared-cache mode a reader and a writer in this process
    /// collide on table locks (SQLITE_LOCKED), which Microsoft.Data.Sqlite retries after a fixed 150 ms sleep; with WAL
    /// and private caches readers never block the writer.
    /// </summary>
    public static DatabaseOptions SqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, $"Data Source={path};Default Timeout=30;Pooling=True");
}
