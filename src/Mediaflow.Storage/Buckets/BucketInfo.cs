namespace Mediaflow.Storage.Buckets;

/// <summary>A bucket as the application layer sees it (to validate triggers and outputs).</summary>
public sealed record BucketInfo(long AppId, string Name, string Region, DateTimeOffset CreatedAt);
