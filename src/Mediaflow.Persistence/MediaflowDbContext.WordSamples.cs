using Mediaflow.Persistence.Ai;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<WordSampleRow> WordSamples => Set<WordSampleRow>();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureWordSamples(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WordSampleRow>(e =>
        {
            e.ToTable("word_samples");
            e.HasKey(x => new { x.AppId, x.Keyword });
        });
    }
}
