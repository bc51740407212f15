using Mediaflow.Persistence;
using Npgsql;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>A fresh database per fixture: a SQLite file by default, PostgreSQL when <c>MEDIAFLOW_TEST_POSTGRES</c> is set.</summary>
internal static class TestDatabase
{
    public static async Task<DatabaseOptions> CreateAsync(string directory)
    {
        var server = Environment.GetEnvironmentVariable("MEDIAFLOW_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            return DatabaseOptions.SqliteFile(Path.Combine(directory, "mediaflow.db"));
        }

        var name = "mf_store_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new DatabaseOptions(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }
}
