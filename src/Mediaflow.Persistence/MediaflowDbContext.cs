using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

/// <summary>
/// One context over all application state, so that an upload's object row and its event, or a node result and the
/// messages and notifications it causes, commit in one transaction. Each area maps its tables in its own partial file
/// (<c>MediaflowDbContext.Storage.cs</c>, <c>MediaflowDbContext.Engine.cs</c>); the schema itself is owned by the
/// FluentMigrator migrations in <c>Migrations/</c>, never by EF.
/// </summary>
public sealed partial class MediaflowDbContext(DbContextOptions<MediaflowDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureStorage(modelBuilder);
        ConfigureEngine(modelBuilder);
        ConfigureNotifications(modelBuilder);
        ConfigureStorageGarbage(modelBuilder);
        ConfigureExternalS3(modelBuilder);
        ConfigureConsole(modelBuilder);
        ConfigurePersonSamples(modelBuilder);
        ConfigureConsoleSessions(modelBuilder);
        ConfigureWordSamples(modelBuilder);
        ConfigureAsrHotwords(modelBuilder);
        StoreTimesAsUnixMilliseconds(modelBuilder);
    }

    /// <summary>
    /// Every DateTimeOffset of our rows is stored as UTC unix milliseconds (BIGINT): SQLite cannot order or compare its
    /// text form, and both providers then share one column type. Only our rows: Wolverine maps its envelope tables into
    /// this context too (the EF Core outbox), and their time columns keep Wolverine's own types (timestamptz on
    /// PostgreSQL, ISO text on SQLite). A context-wide conversion wrote scheduled envelopes (retry delays) as numbers,
    /// which PostgreSQL refuses and SQLite's scheduler never finds due.
    /// </summary>
    private static void StoreTimesAsUnixMilliseconds(ModelBuilder modelBuilder)
    {
        var ours = typeof(MediaflowDbContext).Assembly;
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.Assembly == ours))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(new UnixMillisecondsConverter());
            }
        }
    }

    partial void ConfigureStorage(ModelBuilder modelBuilder);

    partial void ConfigureEngine(ModelBuilder modelBuilder);

    partial void ConfigureNotifications(ModelBuilder modelBuilder);
    partial void ConfigureStorageGarbage(ModelBuilder modelBuilder);
    partial void ConfigureExternalS3(ModelBuilder modelBuilder);
    partial void ConfigureConsole(ModelBuilder modelBuilder);
    partial void ConfigurePersonSamples(ModelBuilder modelBuilder);
    partial void ConfigureConsoleSessions(ModelBuilder modelBuilder);
    partial void ConfigureWordSamples(ModelBuilder modelBuilder);
    partial void ConfigureAsrHotwords(ModelBuilder modelBuilder);
}
