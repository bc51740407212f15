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
    }

    /// <summary>
    /// Every DateTimeOffset is stored as UTC unix milliseconds (BIGINT): SQLite cannot order or compare its text form,
    /// and both providers then share one column type.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
    }

    partial void ConfigureStorage(ModelBuilder modelBuilder);

    partial void ConfigureEngine(ModelBuilder modelBuilder);
}
