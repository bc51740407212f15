namespace Mediaflow.Engine.Tests.Support;

/// <summary>The scale-out shape: PostgreSQL, on a private cluster this fixture starts; one database per installation.</summary>
public sealed class PostgresEngineFixture : EngineFixture
{
    private PostgresCluster? cluster;

    protected override async Task StartDatabaseServerAsync() => cluster = await PostgresCluster.StartAsync();

    protected override async Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync(string name)
    {
        var connectionString = await (cluster ?? throw new InvalidOperationException("no cluster")).CreateDatabaseAsync(name);
        return new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString };
    }

    protected override async ValueTask StopDatabaseServerAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
