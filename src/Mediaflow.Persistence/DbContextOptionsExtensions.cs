using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public static class DbContextOptionsExtensions
{
    public static DbContextOptionsBuilder UseMediaflowDatabase(this DbContextOptionsBuilder builder, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(database.ConnectionString).AddInterceptors(SqliteBusyTimeout.Instance),
            DatabaseProvider.Postgres => builder.UseNpgsql(database.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "unknown database provider"),
        };
    }
}
