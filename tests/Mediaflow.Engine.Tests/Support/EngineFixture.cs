namespace Mediaflow.Engine.Tests.Support;

/// <summary>
/// What a compliance-suite subclass provides: a database server (if any), fresh databases on it, and one engine host
/// on its own database that the tests of the class share. Tests that stop and restart hosts make their own
/// installation (<see cref="NewInstallationAsync"/>).
/// </summary>
public abstract class EngineFixture : IAsyncLifetime
{
    private EngineHost? host;
    private SourceMedia? media;
    private int installations;

    public TempDirectory Root { get; } = new("mf-engine-");

    public EngineHost Host => host ?? throw new InvalidOperationException("the fixture has not started");

    public SourceMedia Media => media ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        var generating = SourceMedia.CreateAsync(Root.Directory("media"));
        await StartDatabaseServerAsync();
        media = await generating;
        var (dataDirectory, configuration) = await NewInstallationAsync();
        host = await EngineHost.StartAsync(dataDirectory, configuration);
    }

    public async Task DisposeAsync()
    {
        var deadLetters = 0;
        if (host is not null)
        {
            // Every outcome the suite provokes (node failures, aborts, 500s from receivers) is an engine outcome, not a
            // handler failure: nothing may end in Wolverine's dead-letter storage.
            deadLetters = await host.DeadLetterCountAsync();
            await host.DisposeAsync();
        }

        await StopDatabaseServerAsync();
        Root.Dispose();
        if (deadLetters > 0)
        {
            throw new InvalidOperationException($"{deadLetters} envelope(s) were dead-lettered by the shared engine host during the suite");
        }
    }

    /// <summary>An empty data directory and a fresh database: the configuration a host needs to use them.</summary>
    public async Task<(string DataDirectory, IReadOnlyDictionary<string, string?> Configuration)> NewInstallationAsync()
    {
        var name = $"mf{Interlocked.Increment(ref installations)}";
        var dataDirectory = Root.Directory(name);
        return (dataDirectory, await CreateDatabaseAsync(name));
    }

    /// <summary>Configuration entries that put a host's state in a new, empty database.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync(string name);

    protected virtual Task StartDatabaseServerAsync() => Task.CompletedTask;

    protected virtual ValueTask StopDatabaseServerAsync() => ValueTask.CompletedTask;
}
