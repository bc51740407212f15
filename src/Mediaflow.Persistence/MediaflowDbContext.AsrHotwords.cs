using Mediaflow.Persistence.Ai;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<AsrHotwordsRow> AsrHotwords => Set<AsrHotwordsRow>();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureAsrHotwords(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AsrHotwordsRow>(e =>
        {
            e.ToTable("asr_hotwords");
            e.HasKey(x => x.HotwordsId);
            e.HasIndex(x => new { x.AppId, x.Name }).IsUnique();
        });
    }
}
