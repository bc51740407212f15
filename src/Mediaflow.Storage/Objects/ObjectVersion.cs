namespace Mediaflow.Storage.Objects;

/// <summary>The current version of a key as the HTTP surface serves it. <see cref="ETag"/> is unquoted.</summary>
internal sealed record ObjectVersion(
    long AppId,
    string Bucket,
    string Region,
    string Key,
    string BlobId,
    string ETag,
    long Size,
    string ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Headers);
