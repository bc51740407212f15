namespace Mediaflow.Storage.Objects;

/// <summary>An uploaded part; <see cref="ETag"/> is the unquoted hex MD5.</summary>
internal sealed record PartInfo(int PartNumber, string ETag, long Size, DateTimeOffset LastModified);
