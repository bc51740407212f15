namespace Mediaflow.Engine.Tests.Support;

/// <summary>The embedded shape: SQLite (WAL) in each installation's data directory, the server's default.</summary>
public sealed class SqliteEngineFixture : EngineFixture
{
    protected override Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync(string name) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
}
