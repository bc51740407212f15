using Mediaflow.Storage.Buckets;
using Mediaflow.Storage.Disk;
using Mediaflow.Storage.Objects;

namespace Mediaflow.Storage.Browsing;

/// <summary>
/// The object operations of the web console's bucket page, on the same <see cref="DiskObjectStore"/> methods the S3/COS
/// handlers call (so an upload here writes the same row and event, and triggers the same orchestrations). Every call is
/// scoped to one account: another account's bucket answers <c>NoSuchBucket</c>/<c>AccessDenied</c> exactly as over S3.
/// </summary>
public sealed class ObjectBrowser
{
    private readonly DiskObjectStore store;
    private readonly StorageOptions options;

    internal ObjectBrowser(DiskObjectStore store, StorageOptions options)
    {
        this.store = store;
        this.options = options;
    }

    public Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(long appId, CancellationToken cancellationToken) =>
        store.ListBucketsAsync(appId, cancellationToken);

    /// <summary>A new bucket in <paramref name="region"/> (null: the server's default), under the S3 surface's naming rules.</summary>
    public Task<BucketInfo> CreateBucketAsync(long appId, string bucket, string? region, CancellationToken cancellationToken) =>
        store.CreateBucketAsync(appId, bucket, region, cancellationToken);

    /// <summary>One level below <paramref name="prefix"/> ("/" delimiter), at most <paramref name="maxKeys"/> entries after <paramref name="marker"/>.</summary>
    public async Task<BrowsePage> ListAsync(long appId, string bucket, string prefix, string? marker, int maxKeys, CancellationToken cancellationToken)
    {
        var page = await store.ListObjectsAsync(appId, bucket, prefix, "/", marker, Math.Clamp(maxKeys, 1, 1000), cancellationToken);
        return new BrowsePage(page.Contents.Select(ToEntry).ToList(), page.CommonPrefixes, page.IsTruncated ? page.NextMarker : null);
    }

    /// <summary>Streams <paramref name="body"/> into a new version of the key (content type by extension when null).</summary>
    public async Task<BrowseEntry> PutAsync(long appId, string bucket, string key, Stream body, string? contentType, CancellationToken cancellationToken) =>
        ToEntry(await store.PutObjectAsync(appId, bucket, key, body, ObjectWrite.Plain(contentType), cancellationToken));

    /// <summary>The current version and a read handle on its immutable blob; the caller disposes the stream.</summary>
    public async Task<(BrowseEntry Entry, Stream Content)> OpenAsync(long appId, string bucket, string key, CancellationToken cancellationToken)
    {
        var version = await store.GetObjectAsync(appId, bucket, key, cancellationToken);
        var handle = store.OpenBlob(version);
        return (ToEntry(version), new FileStream(handle, FileAccess.Read, 1 << 16, isAsync: true));
    }

    public Task DeleteAsync(long appId, string bucket, string key, CancellationToken cancellationToken) =>
        store.DeleteObjectAsync(appId, bucket, key, cancellationToken);

    public async Task<string> StartMultipartAsync(long appId, string bucket, string key, string? contentType, CancellationToken cancellationToken) =>
        (await store.CreateMultipartUploadAsync(appId, bucket, key, ObjectWrite.Plain(contentType), cancellationToken)).UploadId;

    /// <returns>The part's ETag (hex MD5).</returns>
    public async Task<string> UploadPartAsync(long appId, string bucket, string key, string uploadId, int partNumber, Stream body, CancellationToken cancellationToken) =>
        (await store.UploadPartAsync(appId, bucket, key, uploadId, partNumber, body, ObjectWrite.Plain(null), cancellationToken)).ETag;

    /// <param name="parts">Part number and ETag, as <see cref="UploadPartAsync"/> answered them.</param>
    public async Task<BrowseEntry> CompleteMultipartAsync(
        long appId, string bucket, string key, string uploadId, IReadOnlyList<(int PartNumber, string ETag)> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var requested = parts.Select(p => new CompletedPart(p.PartNumber, p.ETag)).ToList();
        return ToEntry(await store.CompleteMultipartUploadAsync(appId, bucket, key, uploadId, requested, options.MinimumPartSize, cancellationToken));
    }

    public Task AbortMultipartAsync(long appId, string bucket, string key, string uploadId, CancellationToken cancellationToken) =>
        store.AbortMultipartUploadAsync(appId, bucket, key, uploadId, cancellationToken);

    /// <summary>The smallest part but the last that completing a multipart upload accepts.</summary>
    public long MinimumPartSize => options.MinimumPartSize;

    /// <summary>The HTTP status the S3 surface answers for a refusal with this code.</summary>
    public static int HttpStatusOf(StorageErrorCode code) => Http.StoreErrors.StatusOf(code);

    private static BrowseEntry ToEntry(ObjectVersion version) =>
        new(version.Key, version.Size, version.ETag, version.ContentType, version.LastModified);
}

/// <summary>One object of a listing.</summary>
public sealed record BrowseEntry(string Key, long Size, string ETag, string ContentType, DateTimeOffset LastModified);

/// <summary>Objects and folders (common prefixes) one level down; <see cref="NextMarker"/> is null on the last page.</summary>
public sealed record BrowsePage(IReadOnlyList<BrowseEntry> Objects, IReadOnlyList<string> Prefixes, string? NextMarker);
