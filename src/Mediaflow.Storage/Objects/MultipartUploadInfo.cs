namespace Mediaflow.Storage.Objects;

internal sealed record MultipartUploadInfo(string UploadId, string Bucket, string Key, DateTimeOffset InitiatedAt);
