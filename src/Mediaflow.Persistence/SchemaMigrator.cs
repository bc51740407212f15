using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Persistence;

/// <summary>
/// Brings the database schema up to date with the migrations in this assembly. One migration set serves SQLite and
/// PostgreSQL (FluentMigrator renders each dialect), so the two deployment shapes cannot drift apart.
/// </summary>
public static class SchemaMigrator
{
    public static void MigrateUp(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            EnableWriteAheadLog(database.ConnectionString);
        }

        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                _ = database.Provider == DatabaseProvider.Sqlite ? runner.AddSQLite() : runner.AddPostgres();
                runner.WithGlobalConnectionString(database.ConnectionString)
                    .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    // WAL lets readers (API queries) proceed while a writer (an upload commit) holds the lock; the mode is persistent
    // in the file. synchronous stays at SQLite's default FULL, so a commit that returned survives a crash.
    private static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
