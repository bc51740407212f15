using System.Globalization;
using Mediaflow.Storage.Objects;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http.Handlers;

/// <summary>Multipart uploads: create, upload part, complete, abort, list uploads, list parts.</summary>
internal static class MultipartHandlers
{
    public static async Task CreateMultipartUpload(StoreContext context)
    {
        var write = new ObjectWrite(ObjectHandlers.ContentTypeOf(context), ObjectHandlers.ReadMetadata(context.Request.Http), null, null, null);
        var upload = await context.Store.CreateMultipartUploadAsync(context.AppId, context.Bucket, context.Key, write, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "InitiateMultipartUploadResult", S3Xml.E("Bucket", upload.Bucket), S3Xml.E("Key", upload.Key), S3Xml.E("UploadId", upload.UploadId)));
    }

    public static async Task UploadPart(StoreContext context)
    {
        if (!int.TryParse(context.Request.Get("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber))
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive");
        }

        await using var body = context.OpenBody();
        var write = new ObjectWrite(null, new Dictionary<string, string>(), body.ExpectedSize, body.ContentMd5, null);
        var part = await context.Store.UploadPartAsync(context.AppId, context.Bucket, context.Key, UploadId(context), partNumber, body.Stream, write, context.Aborted);
        context.Response.Headers.ETag = S3Xml.Quoted(part.ETag);
        if (body.ChecksumHeader is { } name && body.ChecksumValue is { } value)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public static async Task CompleteMultipartUpload(StoreContext context)
    {
        var xml = await S3Xml.ReadAsync(context) ?? throw new StorageException(StorageErrorCode.MalformedXML);
        var parts = new List<CompletedPart>();
        foreach (var part in xml.Elements().Where(e => e.Name.LocalName == "Part"))
        {
            var number = S3Xml.Child(part, "PartNumber")?.Value;
            var etag = S3Xml.Child(part, "ETag")?.Value;
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber) || etag is null)
            {
                throw new StorageException(StorageErrorCode.MalformedXML);
            }

            parts.Add(new CompletedPart(partNumber, etag));
        }

        var version = await context.Store.CompleteMultipartUploadAsync(context.AppId, context.Bucket, context.Key, UploadId(context), parts, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "CompleteMultipartUploadResult",
            S3Xml.E("Location", $"{context.Request.Http.Scheme}://{context.Request.Http.Host}/{context.Bucket}/{context.Key}"),
            S3Xml.E("Bucket", version.Bucket),
            S3Xml.E("Key", version.Key),
            S3Xml.E("ETag", S3Xml.Quoted(version.ETag))));
    }

    public static async Task AbortMultipartUpload(StoreContext context)
    {
        await context.Store.AbortMultipartUploadAsync(context.AppId, context.Bucket, context.Key, UploadId(context), context.Aborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public static async Task ListMultipartUploads(StoreContext context)
    {
        var prefix = context.Request.Get("prefix") ?? string.Empty;
        var maxUploads = int.TryParse(context.Request.Get("max-uploads"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? Math.Min(max, 1000) : 1000;
        var uploads = await context.Store.ListMultipartUploadsAsync(context.AppId, context.Bucket, prefix, maxUploads + 1, context.Aborted);
        var owner = Owner(context);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "ListMultipartUploadsResult",
            S3Xml.E("Bucket", context.Bucket),
            S3Xml.E("KeyMarker", string.Empty),
            S3Xml.E("UploadIdMarker", string.Empty),
            S3Xml.E("NextKeyMarker", string.Empty),
            S3Xml.E("NextUploadIdMarker", string.Empty),
            S3Xml.E("Prefix", prefix),
            S3Xml.E("MaxUploads", maxUploads.ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("IsTruncated", S3Xml.Bool(uploads.Count > maxUploads)),
            uploads.Take(maxUploads).Select(u => S3Xml.E(
                "Upload",
                S3Xml.E("Key", u.Key),
                S3Xml.E("UploadId", u.UploadId),
                S3Xml.E("Initiator", owner),
                S3Xml.E("Owner", owner),
                S3Xml.E("StorageClass", "STANDARD"),
                S3Xml.E("Initiated", S3Xml.Timestamp(u.InitiatedAt))))));
    }

    public static async Task ListParts(StoreContext context)
    {
        var parts = await context.Store.ListPartsAsync(context.AppId, context.Bucket, context.Key, UploadId(context), context.Aborted);
        var owner = Owner(context);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "ListPartsResult",
            S3Xml.E("Bucket", context.Bucket),
            S3Xml.E("Key", context.Key),
            S3Xml.E("UploadId", UploadId(context)),
            S3Xml.E("Initiator", owner),
            S3Xml.E("Owner", owner),
            S3Xml.E("StorageClass", "STANDARD"),
            S3Xml.E("PartNumberMarker", "0"),
            S3Xml.E("NextPartNumberMarker", parts.Count == 0 ? "0" : parts[^1].PartNumber.ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("MaxParts", "10000"),
            S3Xml.E("IsTruncated", "false"),
            parts.Select(p => S3Xml.E(
                "Part",
                S3Xml.E("PartNumber", p.PartNumber.ToString(CultureInfo.InvariantCulture)),
                S3Xml.E("LastModified", S3Xml.Timestamp(p.LastModified)),
                S3Xml.E("ETag", S3Xml.Quoted(p.ETag)),
                S3Xml.E("Size", p.Size.ToString(CultureInfo.InvariantCulture))))));
    }

    private static string UploadId(StoreContext context) =>
        context.Request.Get("uploadId") is { Length: > 0 } id ? id : throw new StorageException(StorageErrorCode.NoSuchUpload);

    private static object[] Owner(StoreContext context)
    {
        var id = context.AppId.ToString(CultureInfo.InvariantCulture);
        return [S3Xml.E("ID", id), S3Xml.E("DisplayName", id)];
    }
}
