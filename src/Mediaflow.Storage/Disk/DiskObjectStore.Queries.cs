using Mediaflow.Persistence;
using Mediaflow.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Storage.Disk;

/// <summary>
/// The lookups every PUT makes, compiled once: EF then skips translating and cache-matching the LINQ expression on
/// each call (a measurable share of a small PUT's CPU). Per store instance, not static: a compiled query binds to the
/// first model it runs against, and one process may hold stores on different providers (SQLite and PostgreSQL hosts
/// side by side in the engine tests).
/// </summary>
internal sealed partial class DiskObjectStore
{
    private readonly Func<MediaflowDbContext, string, Task<BucketRow?>> FindBucketRow =
        EF.CompileAsyncQuery((MediaflowDbContext db, string name) => db.Buckets.AsNoTracking().SingleOrDefault(b => b.Name == name));

    // Tracked: the commit updates the row it finds.
    private readonly Func<MediaflowDbContext, string, string, Task<ObjectRow?>> FindObjectRow =
        EF.CompileAsyncQuery((MediaflowDbContext db, string bucket, string key) => db.Objects.SingleOrDefault(o => o.Bucket == bucket && o.Key == key));
}
