namespace Mediaflow.Storage.Objects;

/// <summary>A part named in a CompleteMultipartUpload request; <see cref="ETag"/> as the client sent it (quotes allowed).</summary>
internal sealed record CompletedPart(int PartNumber, string ETag);
