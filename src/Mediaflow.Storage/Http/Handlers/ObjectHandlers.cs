using System.Globalization;
using Mediaflow.Storage.Objects;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Mediaflow.Storage.Http.Handlers;

/// <summary>Single-object operations: PUT, GET (with Range and conditionals), HEAD, DELETE.</summary>
internal static class ObjectHandlers
{
    private const string MetaPrefix = "x-amz-meta-";
    private const string CosMetaPrefix = "x-cos-meta-";

    public static async Task PutObject(StoreContext context)
    {
        await using var body = context.OpenBody();
        var write = new ObjectWrite(ContentTypeOf(context), ReadMetadata(context.Request.Http), body.ExpectedSize, body.ContentMd5, null, ObjectHeaders.From(context.Request.Header));
        var version = await context.Store.PutObjectAsync(context.AppId, context.Bucket, context.Key, body.Reader, write, context.Aborted);
        context.Response.Headers.ETag = S3Xml.Quoted(version.ETag);
        if (body.ChecksumHeader is { } name && body.ChecksumValue is { } value)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public static Task GetObject(StoreContext context) => Serve(context, withBody: true);

    public static Task HeadObject(StoreContext context) => Serve(context, withBody: false);

    public static async Task DeleteObject(StoreContext context)
    {
        await context.Store.DeleteObjectAsync(context.AppId, context.Bucket, context.Key, context.Aborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>The client's Content-Type, or null to let the store pick one by extension.</summary>
    internal static string? ContentTypeOf(StoreContext context)
    {
        var type = context.Request.Http.ContentType;
        return string.IsNullOrWhiteSpace(type) ? null : type;
    }

    internal static Dictionary<string, string> ReadMetadata(HttpRequest request)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in request.Headers)
        {
            var name = header.Key.ToLowerInvariant();
            var prefix = name.StartsWith(MetaPrefix, StringComparison.Ordinal) ? MetaPrefix : name.StartsWith(CosMetaPrefix, StringComparison.Ordinal) ? CosMetaPrefix : null;
            if (prefix is not null)
            {
                metadata[name[prefix.Length..]] = EncodedWords.Decode(header.Value.ToString());
            }
        }

        return metadata;
    }

    /// <summary>Writes the headers every GET/HEAD (and a 304) carries: ETag, Last-Modified, type, standard headers, metadata.</summary>
    private static void WriteObjectHeaders(StoreContext context, ObjectVersion version)
    {
        var response = context.Response;
        response.ContentType = version.ContentType;
        response.Headers.ETag = S3Xml.Quoted(version.ETag);
        response.Headers.LastModified = version.LastModified.ToString("r", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        foreach (var (name, value) in version.Headers)
        {
            response.Headers[name] = value;
        }

        var prefix = context.Request.Addressing == Addressing.CosVirtualHost ? CosMetaPrefix : MetaPrefix;
        foreach (var (name, value) in version.Metadata)
        {
            response.Headers[prefix + name] = EncodedWords.Encode(value);
        }
    }

    private static async Task Serve(StoreContext context, bool withBody)
    {
        var version = await context.Store.GetObjectAsync(context.AppId, context.Bucket, context.Key, context.Aborted);
        var response = context.Response;
        var request = context.Request;
        switch (Preconditions.Evaluate(
            version.ETag, version.LastModified, request.Header("If-Match"), request.Header("If-None-Match"), request.Header("If-Modified-Since"), request.Header("If-Unmodified-Since")))
        {
            case PreconditionOutcome.Failed:
                throw new StorageException(StorageErrorCode.PreconditionFailed);
            case PreconditionOutcome.NotModified:
                WriteObjectHeaders(context, version);
                response.Headers.ContentType = default;
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            default:
                break;
        }

        ByteRange? range;
        try
        {
            range = ByteRange.Parse(request.Header("Range"), version.Size);
        }
        catch (StorageException)
        {
            response.Headers.ContentRange = $"bytes */{version.Size.ToString(CultureInfo.InvariantCulture)}";
            throw;
        }

        WriteObjectHeaders(context, version);
        var (offset, length) = range is { } r ? (r.Start, r.Length) : (0L, version.Size);
        if (range is { } partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = new ContentRangeHeaderValue(partial.Start, partial.End, version.Size).ToString();
        }
        else
        {
            response.StatusCode = StatusCodes.Status200OK;
        }

        response.ContentLength = length;
        if (!withBody)
        {
            return;
        }

        // The blob is opened before the first byte is sent; an overwrite mid-read changes nothing (blobs are immutable).
        using var blob = context.Store.OpenBlob(version);
        await BlobSender.SendAsync(blob, offset, length, response.BodyWriter, context.Aborted);
    }
}
