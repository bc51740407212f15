using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mediaflow.Persistence;

/// <summary>
/// Sets SQLite's own busy handler on every connection EF opens. Without it a writer that finds the write lock taken
/// gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep; SQLite's handler instead
/// retries within milliseconds, so a short commit (an upload, a task dispatch) waits only as long as the other writer.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

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
