namespace Mediaflow.Storage.External;

/// <summary>A bucket of an external S3-compatible service and the key pair to reach it with.</summary>
public sealed record ExternalBucket(string Region, string Bucket, string SecretId, string SecretKey)
{
    /// <summary>The key pair stays out of logs and exception messages.</summary>
    public override string ToString() => $"s3://{Bucket} ({Region})";
}

/// <summary>One object version in a listing (ETag without quotes).</summary>
public sealed record ExternalObject(string Key, string ETag, long Size, DateTimeOffset LastModified);
