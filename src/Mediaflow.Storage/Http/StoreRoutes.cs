using Mediaflow.Storage.Http.Handlers;

namespace Mediaflow.Storage.Http;

/// <summary>
/// The one route table of the S3/COS surface: (method, target, required query parameters) → handler. First match
/// wins, so the more specific subresource rows come first.
/// </summary>
internal static class StoreRoutes
{
    private static readonly string[] CopySourceHeaders = ["x-amz-copy-source", "x-cos-copy-source"];

    private static readonly StoreRoute[] Table =
    [
        new("GET", StoreTarget.Service, [], BucketHandlers.ListBuckets),

        new("GET", StoreTarget.Bucket, ["uploads"], MultipartHandlers.ListMultipartUploads),
        new("GET", StoreTarget.Bucket, ["location"], BucketHandlers.GetBucketLocation),
        new("GET", StoreTarget.Bucket, ["versions"], ListingHandlers.ListObjectVersions),
        new("POST", StoreTarget.Bucket, ["delete"], DeleteObjectsHandler.DeleteObjects),
        new("GET", StoreTarget.Bucket, ["list-type"], ListingHandlers.ListObjectsV2),
        new("GET", StoreTarget.Bucket, [], ListingHandlers.ListObjects),
        new("PUT", StoreTarget.Bucket, [], BucketHandlers.CreateBucket),
        new("HEAD", StoreTarget.Bucket, [], BucketHandlers.HeadBucket),
        new("DELETE", StoreTarget.Bucket, [], BucketHandlers.DeleteBucket),

        new("PUT", StoreTarget.Object, ["partNumber", "uploadId"], CopyHandlers.UploadPartCopy, CopySourceHeaders),
        new("PUT", StoreTarget.Object, ["partNumber", "uploadId"], MultipartHandlers.UploadPart),
        new("PUT", StoreTarget.Object, [], CopyHandlers.CopyObject, CopySourceHeaders),
        new("PUT", StoreTarget.Object, [], ObjectHandlers.PutObject),
        new("GET", StoreTarget.Object, ["uploadId"], MultipartHandlers.ListParts),
        new("GET", StoreTarget.Object, [], ObjectHandlers.GetObject),
        new("HEAD", StoreTarget.Object, [], ObjectHandlers.HeadObject),
        new("POST", StoreTarget.Object, ["uploads"], MultipartHandlers.CreateMultipartUpload),
        new("POST", StoreTarget.Object, ["uploadId"], MultipartHandlers.CompleteMultipartUpload),
        new("DELETE", StoreTarget.Object, ["uploadId"], MultipartHandlers.AbortMultipartUpload),
        new("DELETE", StoreTarget.Object, [], ObjectHandlers.DeleteObject),
    ];

    // Subresources we do not serve yet: answering them as plain object/bucket operations would be wrong.
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "acl", "policy", "cors", "lifecycle", "versioning", "tagging", "website", "logging", "notification",
        "replication", "encryption", "object-lock", "retention", "legal-hold", "torrent", "restore", "select",
        "accelerate", "requestPayment", "inventory", "analytics", "metrics", "intelligent-tiering", "ownershipControls",
        "publicAccessBlock", "attributes", "append", "referer", "domain", "origin",
    };

    /// <summary>The handler for a request; throws NotImplemented or MethodNotAllowed when there is none.</summary>
    public static StoreHandler Find(StoreRequest request)
    {
        if (request.Query.Any(p => Unsupported.Contains(p.Key)))
        {
            throw new StorageException(StorageErrorCode.NotImplemented);
        }

        var target = request.Bucket is null ? StoreTarget.Service : request.Key is null ? StoreTarget.Bucket : StoreTarget.Object;
        foreach (var route in Table)
        {
            if (route.Target == target && string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase)
                && route.RequiredQuery.All(request.Has) && (route.RequiredHeader is null || route.RequiredHeader.Any(h => request.Header(h) is not null)))
            {
                return route.Handler;
            }
        }

        throw new StorageException(StorageErrorCode.MethodNotAllowed);
    }
}
