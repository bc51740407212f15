using Mediaflow.Persistence;
using Mediaflow.Persistence.Storage;
using Mediaflow.Storage.Buckets;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Storage.Disk;

internal sealed partial class DiskObjectStore : IBucketCatalog
{
    public async Task<BucketInfo?> FindBucketAsync(long appId, string bucket, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Buckets.AsNoTracking().SingleOrDefaultAsync(b => b.Name == bucket && b.AppId == appId, cancellationToken);
        return row is null ? null : ToInfo(row);
    }

    public async Task<BucketInfo> CreateBucketAsync(long appId, string bucket, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (BucketNameRules.Validate(bucket, appId) is { } reason)
        {
            throw new StorageException(StorageErrorCode.InvalidBucketName, reason);
        }

        await commitLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var existing = await db.Buckets.AsNoTracking().SingleOrDefaultAsync(b => b.Name == bucket, cancellationToken);
            if (existing is not null)
            {
                throw new StorageException(existing.AppId == appId ? StorageErrorCode.BucketAlreadyOwnedByYou : StorageErrorCode.BucketAlreadyExists);
            }

            var row = new BucketRow { AppId = appId, Name = bucket, Region = string.IsNullOrEmpty(region) ? options.DefaultRegion : region, CreatedAt = Now() };
            db.Buckets.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return ToInfo(row);
        }
        finally
        {
            commitLock.Release();
        }
    }

    public async Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(long appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Buckets.AsNoTracking().Where(b => b.AppId == appId).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToInfo);
    }

    public async Task DeleteBucketAsync(long appId, string bucket, CancellationToken cancellationToken)
    {
        await commitLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await ResolveBucketAsync(db, appId, bucket, cancellationToken);
            if (await db.Objects.AnyAsync(o => o.Bucket == bucket, cancellationToken)
                || await db.MultipartUploads.AnyAsync(u => u.Bucket == bucket, cancellationToken))
            {
                throw new StorageException(StorageErrorCode.BucketNotEmpty);
            }

            db.Buckets.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            commitLock.Release();
        }
    }

    /// <summary>The caller's bucket for an S3 operation: NoSuchBucket when missing, AccessDenied when another account's.</summary>
    internal async Task<BucketInfo> RequireBucketAsync(long appId, string bucket, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await FindBucketRow(db, bucket) ?? throw new StorageException(StorageErrorCode.NoSuchBucket);
        return row.AppId == appId ? ToInfo(row) : throw new StorageException(StorageErrorCode.AccessDenied);
    }

    private static async Task<BucketRow> ResolveBucketAsync(MediaflowDbContext db, long appId, string bucket, CancellationToken cancellationToken)
    {
        var row = await db.Buckets.SingleOrDefaultAsync(b => b.Name == bucket, cancellationToken)
            ?? throw new StorageException(StorageErrorCode.NoSuchBucket);
        return row.AppId == appId ? row : throw new StorageException(StorageErrorCode.AccessDenied);
    }

    private static BucketInfo ToInfo(BucketRow row) => new(row.AppId, row.Name, row.Region, row.CreatedAt);
}
