using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mediaflow.Persistence;

/// <summary>
/// Sets SQLite's own busy handler on every connection EF opens. Without it a writer that finds the write lock taken
/// gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep; SQLite's handler instead
/// retries within milliseconds, so a short commit (an upload, a task dispatch) waits only as long as the other writer.
/// It also sets <c>synchronous = FULL</c> (the WAL is fsynced at every commit, so a commit that returned survives a
/// power cut, as the blob files and their directories do): the engine's Wolverine connections, opened with the same
/// connection string and so sharing Microsoft.Data.Sqlite's pool of native handles, set <c>synchronous = NORMAL</c>
/// (Weasel's default), which a pooled handle kept when EF got it next — commits that survive a killed process but not
/// a power cut.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";

    public static SqliteBusyTimeout Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
