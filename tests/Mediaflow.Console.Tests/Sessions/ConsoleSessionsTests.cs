using Mediaflow.Persistence;
using Mediaflow.WebConsole;
using Mediaflow.WebConsole.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mediaflow.ConsoleTests.Sessions;

/// <summary>
/// Sessions in a real (migrated) SQLite database, on a <see cref="FakeTimeProvider"/>: a second store over the same
/// database (a restarted server) finds them; idle and absolute expiry; sign-out and collection delete rows.
/// </summary>
public sealed class ConsoleSessionsTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("mf-sessions-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ConsoleOptions options = new() { SessionIdleTimeout = TimeSpan.FromHours(1), SessionLifetime = TimeSpan.FromHours(3) };
    private ServiceProvider services = null!;

    private IDbContextFactory<MediaflowDbContext> Contexts => services.GetRequiredService<IDbContextFactory<MediaflowDbContext>>();

    public Task InitializeAsync()
    {
        var database = DatabaseOptions.SqliteFile(Path.Combine(root, "mediaflow.db"));
        SchemaMigrator.MigrateUp(database);
        services = new ServiceCollection().AddDbContextFactory<MediaflowDbContext>(o => o.UseMediaflowDatabase(database)).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private ConsoleSessions NewStore() => new(Contexts, options, time);

    [Fact]
    public async Task AnOpenedSession_IsFoundByAnotherStoreOverTheSameDatabase_AndOnlyItsHashIsStored()
    {
        var opened = await NewStore().OpenAsync(1250000001, "alice", CancellationToken.None);

        var found = await NewStore().FindAsync(opened.Token, CancellationToken.None);
        var wrong = await NewStore().FindAsync(opened.Token + "x", CancellationToken.None);
        await using var db = await Contexts.CreateDbContextAsync();
        var row = await db.ConsoleSessions.SingleAsync();

        Assert.Equal(opened, found);
        Assert.Null(wrong);
        Assert.Equal(ConsoleSessions.Hash(opened.Token), row.TokenHash);
        Assert.NotEqual(opened.Token, row.TokenHash);
        Assert.Equal(opened.CsrfToken, row.CsrfToken);
        Assert.Equal(time.GetUtcNow() + options.SessionLifetime, row.AbsoluteExpiresAt);
    }

    [Fact]
    public async Task UseSlidesTheIdleExpiry_ButNotPastTheAbsoluteOne()
    {
        var store = NewStore();
        var session = await store.OpenAsync(1250000001, "alice", CancellationToken.None);

        var alive = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromMinutes(50));
            alive.Add(await store.FindAsync(session.Token, CancellationToken.None) is not null);
        }

        // 50, 100, 150 minutes: each use within the idle hour; 200 minutes is past the 3-hour lifetime.
        Assert.Equal([true, true, true, false, false], alive);
    }

    [Fact]
    public async Task AnIdleSession_Ends_AndItsRowIsDeleted()
    {
        var store = NewStore();
        var session = await store.OpenAsync(1250000001, "alice", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(59));
        var before = await store.FindAsync(session.Token, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(60));
        var after = await store.FindAsync(session.Token, CancellationToken.None);
        await using var db = await Contexts.CreateDbContextAsync();

        Assert.NotNull(before);
        Assert.Null(after);
        Assert.Equal(0, await db.ConsoleSessions.CountAsync());
    }

    [Fact]
    public async Task SignOut_DeletesTheRow_AndCollectionDeletesOnlyExpiredRows()
    {
        var store = NewStore();
        var closed = await store.OpenAsync(1250000001, "alice", CancellationToken.None);
        var old = await store.OpenAsync(1250000001, "bob", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(30));
        var young = await store.OpenAsync(1250000002, "carol", CancellationToken.None);
        await store.CloseAsync(closed.Token, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(31));

        var collected = await store.CollectExpiredAsync(CancellationToken.None);
        await using var db = await Contexts.CreateDbContextAsync();
        var left = await db.ConsoleSessions.Select(s => s.Principal).ToListAsync();

        Assert.Equal(1, collected);
        Assert.Equal(["carol"], left);
        Assert.Null(await store.FindAsync(closed.Token, CancellationToken.None));
        Assert.Null(await store.FindAsync(old.Token, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(young.Token, CancellationToken.None));
    }
}
