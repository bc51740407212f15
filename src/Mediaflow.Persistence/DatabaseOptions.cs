namespace Mediaflow.Persistence;

/// <summary>Which database holds the application state (and Wolverine's envelopes, in the same database).</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The embedded default: one SQLite file in WAL mode, fully synchronous so an acknowledged commit survives a crash.</summary>
    public static DatabaseOptions SqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, $"Data Source={path};Cache=Shared;Default Timeout=30;Pooling=True");
}
