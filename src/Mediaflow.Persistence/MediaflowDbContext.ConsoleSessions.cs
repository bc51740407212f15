using Mediaflow.Persistence.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<ConsoleSessionRow> ConsoleSessions => Set<ConsoleSessionRow>();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureConsoleSessions(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConsoleSessionRow>(e =>
        {
            e.ToTable("console_sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });
    }
}
