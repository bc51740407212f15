using Amazon.S3;

namespace Mediaflow.Storage.Tests.Compliance;

/// <summary>
/// An S3-compatible store the compliance suite runs against: the embedded store here, an external S3 service in the
/// external-S3 adapter's tests. Implemented by an xUnit class fixture.
/// </summary>
public interface IObjectStoreTarget
{
    /// <summary>A client for the target on AWSSDK.S3's default settings (path-style where the target needs it).</summary>
    IAmazonS3 CreateClient();

    /// <summary>A bucket name nobody has used on the target; the test creates the bucket.</summary>
    string FreshBucketName();

    /// <summary>The smallest size the target accepts for every part but the last (S3: 5 MiB).</summary>
    long MinimumPartSize { get; }
}
