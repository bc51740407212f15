namespace Mediaflow.Storage.Http;

/// <summary>How a request names its bucket: S3 path-style (<c>/bucket/key</c>) or COS virtual-host (<c>bucket.cos.region.*</c>).</summary>
internal enum Addressing
{
    PathStyle,
    CosVirtualHost,
}
