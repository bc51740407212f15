using System.Globalization;
using Mediaflow.Storage.Objects;
using Mediaflow.Storage.Signing;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http.Handlers;

/// <summary>Multipart uploads: create, upload part, complete, abort, list uploads, list parts.</summary>
internal static class MultipartHandlers
{
    public static async Task CreateMultipartUpload(StoreContext context)
    {
        var write = new ObjectWrite(
            ObjectHandlers.ContentTypeOf(context), ObjectHandlers.ReadMetadata(context.Request.Http), null, null, null, ObjectHeaders.From(context.Request.Header));
        var upload = await context.Store.CreateMultipartUploadAsync(context.AppId, context.Bucket, context.Key, write, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "InitiateMultipartUploadResult", S3Xml.E("Bucket", upload.Bucket), S3Xml.E("Key", upload.Key), S3Xml.E("UploadId", upload.UploadId)));
    }

    public static async Task UploadPart(StoreContext context)
    {
        var partNumber = PartNumber(context);
        await using var body = context.OpenBody();
        var write = new ObjectWrite(null, new Dictionary<string, string>(), body.ExpectedSize, body.ContentMd5, null);
        var part = await context.Store.UploadPartAsync(context.AppId, context.Bucket, context.Key, UploadId(context), partNumber, body.Reader, write, context.Aborted);
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

        var minimumPartSize = context.Request.Addressing == Addressing.CosVirtualHost
            ? Math.Min(context.Options.CosMinimumPartSize, context.Options.MinimumPartSize)
            : context.Options.MinimumPartSize;
        var version = await context.Store.CompleteMultipartUploadAsync(
            context.AppId, context.Bucket, context.Key, UploadId(context), parts, minimumPartSize, context.Aborted);
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
        var request = context.Request;
        var prefix = request.Get("prefix") ?? string.Empty;
        var delimiter = request.Get("delimiter") is { Length: > 0 } d ? d : null;
        var keyMarker = request.Get("key-marker");
        var uploadIdMarker = request.Get("upload-id-marker");
        var maxUploads = Limit(request.Get("max-uploads"), "max-uploads", 1000);
        var encodingType = request.Get("encoding-type");
        if (encodingType is not null && encodingType != "url")
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "Invalid Encoding Method specified in Request");
        }

        Func<string, string> encode = encodingType == "url" ? k => SigV4.UriEncode(k, keepSlash: true) : k => k;
        var page = await context.Store.ListMultipartUploadsAsync(context.AppId, context.Bucket, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads, context.Aborted);
        var owner = Owner(context);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "ListMultipartUploadsResult",
            S3Xml.E("Bucket", context.Bucket),
            S3Xml.E("KeyMarker", encode(keyMarker ?? string.Empty)),
            S3Xml.E("UploadIdMarker", uploadIdMarker ?? string.Empty),
            S3Xml.E("NextKeyMarker", encode(page.NextKeyMarker ?? string.Empty)),
            S3Xml.E("NextUploadIdMarker", page.NextUploadIdMarker ?? string.Empty),
            S3Xml.E("Prefix", encode(prefix)),
            delimiter is null ? null : S3Xml.E("Delimiter", encode(delimiter)),
            S3Xml.E("MaxUploads", maxUploads.ToString(CultureInfo.InvariantCulture)),
            encodingType is null ? null : S3Xml.E("EncodingType", encodingType),
            S3Xml.E("IsTruncated", S3Xml.Bool(page.IsTruncated)),
            page.Uploads.Select(u => S3Xml.E(
                "Upload",
                S3Xml.E("Key", encode(u.Key)),
                S3Xml.E("UploadId", u.UploadId),
                S3Xml.E("Initiator", owner),
                S3Xml.E("Owner", owner),
                S3Xml.E("StorageClass", "STANDARD"),
                S3Xml.E("Initiated", S3Xml.Timestamp(u.InitiatedAt)))),
            page.CommonPrefixes.Select(p => S3Xml.E("CommonPrefixes", S3Xml.E("Prefix", encode(p))))));
    }

    public static async Task ListParts(StoreContext context)
    {
        var marker = context.Request.Get("part-number-marker") is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : throw new StorageException(StorageErrorCode.InvalidArgument, "part-number-marker must be an integer")
            : 0;
        var maxParts = Limit(context.Request.Get("max-parts"), "max-parts", 1000);
        var parts = await context.Store.ListPartsAsync(context.AppId, context.Bucket, context.Key, UploadId(context), marker, maxParts + 1, context.Aborted);
        var page = parts.Take(maxParts).ToList();
        var truncated = parts.Count > maxParts;
        var owner = Owner(context);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "ListPartsResult",
            S3Xml.E("Bucket", context.Bucket),
            S3Xml.E("Key", context.Key),
            S3Xml.E("UploadId", UploadId(context)),
            S3Xml.E("Initiator", owner),
            S3Xml.E("Owner", owner),
            S3Xml.E("StorageClass", "STANDARD"),
            S3Xml.E("PartNumberMarker", marker.ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("NextPartNumberMarker", page.Count == 0 ? "0" : page[^1].PartNumber.ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("MaxParts", maxParts.ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("IsTruncated", S3Xml.Bool(truncated)),
            page.Select(p => S3Xml.E(
                "Part",
                S3Xml.E("PartNumber", p.PartNumber.ToString(CultureInfo.InvariantCulture)),
                S3Xml.E("LastModified", S3Xml.Timestamp(p.LastModified)),
                S3Xml.E("ETag", S3Xml.Quoted(p.ETag)),
                S3Xml.E("Size", p.Size.ToString(CultureInfo.InvariantCulture))))));
    }

    internal static int PartNumber(StoreContext context) =>
        int.TryParse(context.Request.Get("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber)
            ? partNumber
            : throw new StorageException(StorageErrorCode.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive");

    internal static string UploadId(StoreContext context) =>
        context.Request.Get("uploadId") is { Length: > 0 } id ? id : throw new StorageException(StorageErrorCode.NoSuchUpload);

    /// <summary>A page size parameter: absent → the cap, above the cap → the cap, not a number → InvalidArgument.</summary>
    private static int Limit(string? text, string name, int cap)
    {
        if (string.IsNullOrEmpty(text))
        {
            return cap;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, cap)
            : throw new StorageException(StorageErrorCode.InvalidArgument, $"{name} must be a non-negative integer");
    }

    private static object[] Owner(StoreContext context)
    {
        var id = context.AppId.ToString(CultureInfo.InvariantCulture);
        return [S3Xml.E("ID", id), S3Xml.E("DisplayName", id)];
    }
}
