using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Mediaflow.Storage.Objects;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Http.Handlers;

/// <summary>ListObjectsV2, ListObjects (v1, which COS GetBucket clients use) and ListObjectVersions.</summary>
internal static class ListingHandlers
{
    public static async Task ListObjectsV2(StoreContext context)
    {
        var request = context.Request;
        var (prefix, delimiter, maxKeys, encode) = CommonParameters(context);
        var token = request.Get("continuation-token");
        var startAfter = request.Get("start-after");
        var marker = token is not null ? DecodeToken(token) : startAfter;
        var page = await context.Store.ListObjectsAsync(context.AppId, context.Bucket, prefix, delimiter, marker, maxKeys, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "ListBucketResult",
            S3Xml.E("Name", context.Bucket),
            S3Xml.E("Prefix", encode(prefix)),
            delimiter is null ? null : S3Xml.E("Delimiter", encode(delimiter)),
            S3Xml.E("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("KeyCount", (page.Contents.Count + page.CommonPrefixes.Count).ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("IsTruncated", S3Xml.Bool(page.IsTruncated)),
            token is null ? null : S3Xml.E("ContinuationToken", token),
            page.IsTruncated && page.NextMarker is not null ? S3Xml.E("NextContinuationToken", EncodeToken(page.NextMarker)) : null,
            startAfter is null ? null : S3Xml.E("StartAfter", encode(startAfter)),
            request.Get("encoding-type") is { } type ? S3Xml.E("EncodingType", type) : null,
            Entries(page, encode, request.Get("fetch-owner") == "true" ? Owner(context) : null)));
    }

    public static async Task ListObjects(StoreContext context)
    {
        var (prefix, delimiter, maxKeys, encode) = CommonParameters(context);
        var marker = context.Request.Get("marker");
        var page = await context.Store.ListObjectsAsync(context.AppId, context.Bucket, prefix, delimiter, marker, maxKeys, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "ListBucketResult",
            S3Xml.E("Name", context.Bucket),
            S3Xml.E("Prefix", encode(prefix)),
            S3Xml.E("Marker", encode(marker ?? string.Empty)),
            delimiter is null ? null : S3Xml.E("Delimiter", encode(delimiter)),
            S3Xml.E("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("IsTruncated", S3Xml.Bool(page.IsTruncated)),
            page.IsTruncated && page.NextMarker is not null ? S3Xml.E("NextMarker", encode(page.NextMarker)) : null,
            context.Request.Get("encoding-type") is { } type ? S3Xml.E("EncodingType", type) : null,
            Entries(page, encode, Owner(context))));
    }

    /// <summary>ListObjectVersions on an unversioned bucket: every key has one version, <c>null</c>, and it is the latest.</summary>
    public static async Task ListObjectVersions(StoreContext context)
    {
        var (prefix, delimiter, maxKeys, encode) = CommonParameters(context);
        var keyMarker = context.Request.Get("key-marker") is { Length: > 0 } k ? k : null;
        var versionIdMarker = context.Request.Get("version-id-marker") is { Length: > 0 } v ? v : null;

        // The only version of a key here is "null", the last of its versions: resuming after (key-marker, "null") is
        // resuming after the key, as with key-marker alone. Anything else names no version this store has.
        if (versionIdMarker is not null && keyMarker is null)
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "A version-id marker cannot be specified without a key marker.");
        }

        if (versionIdMarker is not null && versionIdMarker != "null")
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "Invalid version id specified");
        }

        var page = await context.Store.ListObjectsAsync(context.AppId, context.Bucket, prefix, delimiter, keyMarker, maxKeys, context.Aborted);
        var owner = Owner(context);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "ListVersionsResult",
            S3Xml.E("Name", context.Bucket),
            S3Xml.E("Prefix", encode(prefix)),
            S3Xml.E("KeyMarker", encode(keyMarker ?? string.Empty)),
            S3Xml.E("VersionIdMarker", versionIdMarker ?? string.Empty),
            page.IsTruncated && page.NextMarker is not null ? S3Xml.E("NextKeyMarker", encode(page.NextMarker)) : null,
            page.IsTruncated && page.NextMarker is not null && (page.CommonPrefixes.Count == 0 || page.CommonPrefixes[^1] != page.NextMarker) ? S3Xml.E("NextVersionIdMarker", "null") : null,
            delimiter is null ? null : S3Xml.E("Delimiter", encode(delimiter)),
            S3Xml.E("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture)),
            S3Xml.E("IsTruncated", S3Xml.Bool(page.IsTruncated)),
            context.Request.Get("encoding-type") is { } type ? S3Xml.E("EncodingType", type) : null,
            page.Contents.Select(o => S3Xml.E(
                "Version",
                S3Xml.E("Key", encode(o.Key)),
                S3Xml.E("VersionId", "null"),
                S3Xml.E("IsLatest", "true"),
                S3Xml.E("LastModified", S3Xml.Timestamp(o.LastModified)),
                S3Xml.E("ETag", S3Xml.Quoted(o.ETag)),
                S3Xml.E("Size", o.Size.ToString(CultureInfo.InvariantCulture)),
                S3Xml.E("Owner", owner),
                S3Xml.E("StorageClass", "STANDARD"))),
            page.CommonPrefixes.Select(p => S3Xml.E("CommonPrefixes", S3Xml.E("Prefix", encode(p))))));
    }

    private static object[] Owner(StoreContext context)
    {
        var id = context.AppId.ToString(CultureInfo.InvariantCulture);
        return [S3Xml.E("ID", id), S3Xml.E("DisplayName", id)];
    }

    private static (string Prefix, string? Delimiter, int MaxKeys, Func<string, string> Encode) CommonParameters(StoreContext context)
    {
        var request = context.Request;
        var prefix = request.Get("prefix") ?? string.Empty;
        var delimiter = request.Get("delimiter");
        var maxKeys = context.Options.MaxListKeys;
        if (request.Get("max-keys") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys))
            {
                throw new StorageException(StorageErrorCode.InvalidArgument, "max-keys must be a non-negative integer");
            }

            maxKeys = Math.Min(maxKeys, context.Options.MaxListKeys);
        }

        Func<string, string> encode = request.Get("encoding-type") == "url" ? k => SigV4.UriEncode(k, keepSlash: true) : k => k;
        return (prefix, string.IsNullOrEmpty(delimiter) ? null : delimiter, maxKeys, encode);
    }

    private static IEnumerable<XElement> Entries(ListPage page, Func<string, string> encode, object[]? owner) =>
        page.Contents.Select(o => S3Xml.E(
                "Contents",
                S3Xml.E("Key", encode(o.Key)),
                S3Xml.E("LastModified", S3Xml.Timestamp(o.LastModified)),
                S3Xml.E("ETag", S3Xml.Quoted(o.ETag)),
                S3Xml.E("Size", o.Size.ToString(CultureInfo.InvariantCulture)),
                owner is null ? null : S3Xml.E("Owner", owner),
                S3Xml.E("StorageClass", "STANDARD")))
            .Concat(page.CommonPrefixes.Select(p => S3Xml.E("CommonPrefixes", S3Xml.E("Prefix", encode(p)))));

    private static string EncodeToken(string marker) => Convert.ToBase64String(Encoding.UTF8.GetBytes(marker));

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "The continuation token provided is incorrect");
        }
    }
}
