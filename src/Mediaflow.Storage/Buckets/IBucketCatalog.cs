namespace Mediaflow.Storage.Buckets;

/// <summary>Bucket management for the application layer, the CLI and tests; the S3/COS surface uses the same methods.</summary>
public interface IBucketCatalog
{
    /// <summary>The caller's bucket, or null when it does not exist or belongs to another account.</summary>
    Task<BucketInfo?> FindBucketAsync(long appId, string bucket, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a bucket in <paramref name="region"/> (null: the default region). Throws <see cref="StorageException"/>
    /// with InvalidBucketName, BucketAlreadyExists or BucketAlreadyOwnedByYou.
    /// </summary>
    Task<BucketInfo> CreateBucketAsync(long appId, string bucket, string? region, CancellationToken cancellationToken);

    Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(long appId, CancellationToken cancellationToken);

    /// <summary>Deletes an empty bucket; throws NoSuchBucket, AccessDenied or BucketNotEmpty.</summary>
    Task DeleteBucketAsync(long appId, string bucket, CancellationToken cancellationToken);
}
