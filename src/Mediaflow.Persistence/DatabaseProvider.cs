namespace Mediaflow.Persistence;

/// <summary>The state store: SQLite in the data directory (embedded default) or PostgreSQL (scale-out).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
