using Mediaflow.Persistence.Ai;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<PersonSampleRow> PersonSamples => Set<PersonSampleRow>();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigurePersonSamples(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PersonSampleRow>(e =>
        {
            e.ToTable("person_samples");
            e.HasKey(x => x.PersonId);
            e.HasIndex(x => x.AppId);
        });
    }
}
