using Mediaflow.Persistence.Users;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<ConsoleUserRow> ConsoleUsers => Set<ConsoleUserRow>();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureConsole(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConsoleUserRow>(e =>
        {
            e.ToTable("console_users");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
        });
    }
}
