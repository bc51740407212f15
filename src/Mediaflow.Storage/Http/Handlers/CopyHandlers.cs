using System.Globalization;
using Mediaflow.Storage.Objects;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http.Handlers;

/// <summary>CopyObject (metadata directive COPY/REPLACE) and UploadPartCopy, with the copy-source conditionals.</summary>
internal static class CopyHandlers
{
    public static async Task CopyObject(StoreContext context)
    {
        var (source, version) = await ResolveSourceAsync(context);
        var directive = Directive(context.Request.Header("x-amz-metadata-directive") ?? context.Request.Header("x-cos-metadata-directive"));
        if (directive == MetadataDirective.Copy && source.Bucket == context.Bucket && source.Key == context.Key)
        {
            throw new StorageException(
                StorageErrorCode.InvalidRequest,
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }

        var write = directive == MetadataDirective.Replace
            ? new ObjectWrite(ObjectHandlers.ContentTypeOf(context), ObjectHandlers.ReadMetadata(context.Request.Http), null, null, null, ObjectHeaders.From(context.Request.Header))
            : new ObjectWrite(version.ContentType, version.Metadata, null, null, null, version.Headers);
        var copied = await context.Store.CopyObjectAsync(context.AppId, version, context.Bucket, context.Key, write, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "CopyObjectResult", S3Xml.E("LastModified", S3Xml.Timestamp(copied.LastModified)), S3Xml.E("ETag", S3Xml.Quoted(copied.ETag))));
    }

    public static async Task UploadPartCopy(StoreContext context)
    {
        var partNumber = MultipartHandlers.PartNumber(context);
        var (_, version) = await ResolveSourceAsync(context);
        var (offset, length) = SourceRange(context.Request.Header("x-amz-copy-source-range") ?? context.Request.Header("x-cos-copy-source-range"), version.Size);
        var part = await context.Store.UploadPartCopyAsync(
            context.AppId, context.Bucket, context.Key, MultipartHandlers.UploadId(context), partNumber, version, offset, length, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "CopyPartResult", S3Xml.E("LastModified", S3Xml.Timestamp(part.LastModified)), S3Xml.E("ETag", S3Xml.Quoted(part.ETag))));
    }

    /// <summary>The source version, authorized against the caller like any read, with the copy-source conditions checked (412 on any miss).</summary>
    private static async Task<(CopySource Source, ObjectVersion Version)> ResolveSourceAsync(StoreContext context)
    {
        var source = CopySource.From(context.Request) ?? throw new StorageException(StorageErrorCode.InvalidArgument, "x-amz-copy-source is required");
        var version = await context.Store.GetObjectAsync(context.AppId, source.Bucket, source.Key, context.Aborted);
        string? Condition(string name) => context.Request.Header("x-amz-copy-source-" + name) ?? context.Request.Header("x-cos-copy-source-" + name);
        var outcome = Preconditions.Evaluate(
            version.ETag, version.LastModified, Condition("if-match"), Condition("if-none-match"), Condition("if-modified-since"), Condition("if-unmodified-since"));
        return outcome == PreconditionOutcome.Proceed ? (source, version) : throw new StorageException(StorageErrorCode.PreconditionFailed);
    }

    private static MetadataDirective Directive(string? value) => value?.ToUpperInvariant() switch
    {
        null or "" or "COPY" => MetadataDirective.Copy,
        "REPLACE" or "REPLACED" => MetadataDirective.Replace,
        _ => throw new StorageException(StorageErrorCode.InvalidArgument, "Unknown metadata directive."),
    };

    /// <summary><c>bytes=first-last</c> inside the source, or the whole source when absent.</summary>
    private static (long Offset, long Length) SourceRange(string? header, long size)
    {
        if (header is null)
        {
            return (0, size);
        }

        var spec = header.StartsWith("bytes=", StringComparison.Ordinal) ? header["bytes=".Length..] : null;
        var dash = spec?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (spec is null || dash <= 0
            || !long.TryParse(spec[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(spec[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || last < first || last >= size)
        {
            throw new StorageException(
                StorageErrorCode.InvalidArgument,
                $"Range specified is not valid for source object of size: {size.ToString(CultureInfo.InvariantCulture)}");
        }

        return (first, last - first + 1);
    }

    private enum MetadataDirective
    {
        Copy,
        Replace,
    }
}
