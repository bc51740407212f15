using Mediaflow.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Persistence;

public sealed partial class MediaflowDbContext
{
    public DbSet<BucketRow> Buckets => Set<BucketRow>();

    public DbSet<ObjectRow> Objects => Set<ObjectRow>();

    public DbSet<ObjectEventRow> ObjectEvents => Set<ObjectEventRow>();

    public DbSet<MultipartUploadRow> MultipartUploads => Set<MultipartUploadRow>();

    public DbSet<MultipartPartRow> MultipartParts => Set<MultipartPartRow>();

    // Tables are created by Migrations/M0002StorageSchema.cs; this only maps them (column names = property names).
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the instance partial method declared by the context.")]
    partial void ConfigureStorage(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BucketRow>(e =>
        {
            e.ToTable("buckets");
            e.HasKey(b => b.Id);
            e.HasIndex(b => b.Name).IsUnique();
        });
        modelBuilder.Entity<ObjectRow>(e =>
        {
            e.ToTable("objects");
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.Bucket, o.Key }).IsUnique();
        });
        modelBuilder.Entity<ObjectEventRow>(e =>
        {
            e.ToTable("object_events");
            e.HasKey(o => o.Sequence);
        });
        modelBuilder.Entity<MultipartUploadRow>(e =>
        {
            e.ToTable("multipart_uploads");
            e.HasKey(u => u.UploadId);
        });
        modelBuilder.Entity<MultipartPartRow>(e =>
        {
            e.ToTable("multipart_parts");
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.UploadId, p.PartNumber }).IsUnique();
        });
    }
}
