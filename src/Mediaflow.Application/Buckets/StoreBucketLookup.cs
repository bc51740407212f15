using Mediaflow.Storage.Buckets;

namespace Mediaflow.Application.Buckets;

/// <summary>Bucket validation against the embedded store's catalog.</summary>
public sealed class StoreBucketLookup(IBucketCatalog catalog) : IBucketLookup
{
    public async Task<string?> FindRegionAsync(long appId, string bucket, CancellationToken cancellationToken) =>
        (await catalog.FindBucketAsync(appId, bucket, cancellationToken))?.Region;
}
