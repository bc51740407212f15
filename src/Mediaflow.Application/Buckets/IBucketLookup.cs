namespace Mediaflow.Application.Buckets;

/// <summary>Which buckets an account owns, for validating triggers and outputs at save time.</summary>
public interface IBucketLookup
{
    /// <returns>The bucket's region, or null when the account owns no bucket of that name.</returns>
    Task<string?> FindRegionAsync(long appId, string bucket, CancellationToken cancellationToken);
}
