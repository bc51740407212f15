using Mediaflow.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<BlobGarbageRow> BlobGarbage => Set<BlobGarbageRow>();

    // Created by Migrations/M0005StorageSurface.cs.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureStorageGarbage(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BlobGarbageRow>(e =>
        {
            e.ToTable("blob_garbage");
            e.HasKey(g => g.BlobId);
        });
    }
}
