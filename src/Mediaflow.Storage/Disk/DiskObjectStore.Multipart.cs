using System.IO.Pipelines;
using System.Security.Cryptography;
using Mediaflow.Persistence.Storage;
using Mediaflow.Storage.Objects;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Storage.Disk;

internal sealed partial class DiskObjectStore
{
    internal async Task<MultipartUploadInfo> CreateMultipartUploadAsync(long appId, string bucket, string key, ObjectWrite write, CancellationToken cancellationToken)
    {
        ObjectKeys.Validate(key);
        ObjectMetadata.Validate(write.Metadata);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await ResolveBucketAsync(db, appId, bucket, cancellationToken);
        var row = new MultipartUploadRow
        {
            UploadId = BlobFiles.NewId(), AppId = appId, Bucket = bucket, Key = key,
            ContentType = string.IsNullOrEmpty(write.ContentType) ? ContentTypeMap.ForName(key) : write.ContentType,
            MetadataJson = ObjectMetadata.ToJson(write.Metadata), HeadersJson = ObjectHeaders.ToJson(write.StandardHeaders), InitiatedAt = Now(),
        };
        db.MultipartUploads.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new MultipartUploadInfo(row.UploadId, bucket, key, row.InitiatedAt);
    }

    internal Task<PartInfo> UploadPartAsync(
        long appId, string bucket, string key, string uploadId, int partNumber, Stream body, ObjectWrite write, CancellationToken cancellationToken)
        => ThroughPipeAsync(body, reader => UploadPartAsync(appId, bucket, key, uploadId, partNumber, reader, write, cancellationToken));

    internal async Task<PartInfo> UploadPartAsync(
        long appId, string bucket, string key, string uploadId, int partNumber, PipeReader body, ObjectWrite write, CancellationToken cancellationToken)
    {
        CheckPartNumber(partNumber);
        await RequireUploadAsync(appId, bucket, key, uploadId, cancellationToken);
        var blob = await writer.WriteAsync(body, write.ExpectedSize, cancellationToken);
        if (write.ContentMd5 is { } md5 && !CryptographicOperations.FixedTimeEquals(md5, blob.Md5))
        {
            BlobFiles.TryDelete(blob.Path);
            throw new StorageException(StorageErrorCode.BadDigest);
        }

        return await CommitPartAsync(appId, uploadId, partNumber, blob, cancellationToken);
    }

    /// <summary>UploadPartCopy: a byte range (or all) of an existing object's blob becomes a part.</summary>
    internal async Task<PartInfo> UploadPartCopyAsync(
        long appId, string bucket, string key, string uploadId, int partNumber, ObjectVersion source, long offset, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckPartNumber(partNumber);
        await RequireUploadAsync(appId, bucket, key, uploadId, cancellationToken);
        var blob = await writer.CopyRangeAsync(files.PathOf(source.BlobId), offset, length, cancellationToken);
        return await CommitPartAsync(appId, uploadId, partNumber, blob, cancellationToken);
    }

    private static void CheckPartNumber(int partNumber)
    {
        if (partNumber is < 1 or > 10000)
        {
            throw new StorageException(StorageErrorCode.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive");
        }
    }

    /// <summary>Records a written part; a re-upload of the same number replaces the row, and the old file goes after the commit.</summary>
    private async Task<PartInfo> CommitPartAsync(long appId, string uploadId, int partNumber, WrittenBlob blob, CancellationToken cancellationToken)
    {
        string? replaced = null;
        try
        {
            var part = new MultipartPartRow { AppId = appId, UploadId = uploadId, PartNumber = partNumber, BlobId = blob.BlobId, ETag = blob.Md5Hex, Size = blob.Size, LastModified = Now() };
            await commitLock.WaitAsync(cancellationToken);
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (!await db.MultipartUploads.AnyAsync(u => u.UploadId == uploadId, cancellationToken))
                {
                    throw new StorageException(StorageErrorCode.NoSuchUpload);
                }

                var previous = await db.MultipartParts.SingleOrDefaultAsync(p => p.UploadId == uploadId && p.PartNumber == partNumber, cancellationToken);
                if (previous is not null)
                {
                    replaced = previous.BlobId;
                    db.MultipartParts.Remove(previous);
                    await db.SaveChangesAsync(cancellationToken);
                }

                db.MultipartParts.Add(part);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                commitLock.Release();
            }

            return new PartInfo(partNumber, part.ETag, part.Size, part.LastModified);
        }
        catch
        {
            replaced = null;
            BlobFiles.TryDelete(blob.Path);
            throw;
        }
        finally
        {
            // Parts are never read by tasks, so a replaced part's file can go as soon as its row is gone.
            if (replaced is not null)
            {
                BlobFiles.TryDelete(files.PathOf(replaced));
            }
        }
    }

    internal async Task<ObjectVersion> CompleteMultipartUploadAsync(
        long appId, string bucket, string key, string uploadId, IReadOnlyList<CompletedPart> requested, long minimumPartSize,
        CancellationToken cancellationToken)
    {
        var upload = await RequireUploadAsync(appId, bucket, key, uploadId, cancellationToken);
        if (requested.Count == 0)
        {
            throw new StorageException(StorageErrorCode.MalformedXML, "You must specify at least one part");
        }

        List<MultipartPartRow> stored;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stored = await db.MultipartParts.AsNoTracking().Where(p => p.UploadId == uploadId).ToListAsync(cancellationToken);
        }

        var chosen = ChooseParts(requested, stored, minimumPartSize);
        var concatenated = await writer.ConcatenateAsync(chosen.ConvertAll(p => files.PathOf(p.BlobId)), cancellationToken);
        ObjectVersion version;
        try
        {
            var write = new ObjectWrite(upload.ContentType, ObjectMetadata.FromJson(upload.MetadataJson), null, null, null, ObjectHeaders.FromJson(upload.HeadersJson));
            version = await CommitAsync(appId, bucket, key, concatenated.BlobId, MultipartETag(chosen), concatenated.Size, write, uploadId, cancellationToken);
        }
        catch
        {
            BlobFiles.TryDelete(concatenated.Path);
            throw;
        }

        foreach (var part in stored)
        {
            BlobFiles.TryDelete(files.PathOf(part.BlobId));
        }

        return version;
    }

    internal async Task AbortMultipartUploadAsync(long appId, string bucket, string key, string uploadId, CancellationToken cancellationToken)
    {
        await RequireUploadAsync(appId, bucket, key, uploadId, cancellationToken);
        List<MultipartPartRow> parts;
        await commitLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            parts = await db.MultipartParts.Where(p => p.UploadId == uploadId).ToListAsync(cancellationToken);
            await db.MultipartParts.Where(p => p.UploadId == uploadId).ExecuteDeleteAsync(cancellationToken);
            await db.MultipartUploads.Where(u => u.UploadId == uploadId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            commitLock.Release();
        }

        foreach (var part in parts)
        {
            BlobFiles.TryDelete(files.PathOf(part.BlobId));
        }
    }

    /// <summary>
    /// In-progress uploads under <paramref name="prefix"/> ordered by key, then initiation, then id, strictly after
    /// (<paramref name="keyMarker"/>, <paramref name="uploadIdMarker"/>): with only a key marker, after every upload of that key.
    /// </summary>
    internal async Task<MultipartUploadPage> ListMultipartUploadsAsync(
        long appId, string bucket, string prefix, string? delimiter, string? keyMarker, string? uploadIdMarker, int maxUploads, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await ResolveBucketAsync(db, appId, bucket, cancellationToken);
        var from = keyMarker is not null && string.CompareOrdinal(keyMarker, prefix) > 0 ? keyMarker : prefix;
        var rows = await db.MultipartUploads.AsNoTracking()
            .Where(u => u.Bucket == bucket && string.Compare(u.Key, from) >= 0)
            .OrderBy(u => u.Key).ThenBy(u => u.InitiatedAt).ThenBy(u => u.UploadId)
            .ToListAsync(cancellationToken);
        var ordered = rows.ConvertAll(u => new MultipartUploadInfo(u.UploadId, u.Bucket, u.Key, u.InitiatedAt));
        return MultipartUploadPage.Of(ordered, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
    }

    /// <summary>Parts after <paramref name="partNumberMarker"/> in number order, at most <paramref name="limit"/>.</summary>
    internal async Task<IReadOnlyList<PartInfo>> ListPartsAsync(
        long appId, string bucket, string key, string uploadId, int partNumberMarker, int limit, CancellationToken cancellationToken)
    {
        await RequireUploadAsync(appId, bucket, key, uploadId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MultipartParts.AsNoTracking()
            .Where(p => p.UploadId == uploadId && p.PartNumber > partNumberMarker)
            .OrderBy(p => p.PartNumber).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(p => new PartInfo(p.PartNumber, p.ETag, p.Size, p.LastModified));
    }

    private async Task<MultipartUploadRow> RequireUploadAsync(long appId, string bucket, string key, string uploadId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await ResolveBucketAsync(db, appId, bucket, cancellationToken);
        var upload = await db.MultipartUploads.AsNoTracking().SingleOrDefaultAsync(u => u.UploadId == uploadId, cancellationToken);
        return upload is not null && upload.Bucket == bucket && upload.Key == key ? upload : throw new StorageException(StorageErrorCode.NoSuchUpload);
    }

    private static List<MultipartPartRow> ChooseParts(IReadOnlyList<CompletedPart> requested, List<MultipartPartRow> stored, long minimumPartSize)
    {
        var byNumber = stored.ToDictionary(p => p.PartNumber);
        var chosen = new List<MultipartPartRow>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var want = requested[i];
            if (i > 0 && want.PartNumber <= requested[i - 1].PartNumber)
            {
                throw new StorageException(StorageErrorCode.InvalidPartOrder);
            }

            if (!byNumber.TryGetValue(want.PartNumber, out var part) || !string.Equals(part.ETag, want.ETag.Trim('"'), StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageException(StorageErrorCode.InvalidPart, $"part {want.PartNumber} was not uploaded or its ETag does not match");
            }

            chosen.Add(part);
        }

        for (var i = 0; i < chosen.Count - 1; i++)
        {
            if (chosen[i].Size < minimumPartSize)
            {
                throw new StorageException(StorageErrorCode.EntityTooSmall, $"part {chosen[i].PartNumber} is smaller than the minimum part size");
            }
        }

        return chosen;
    }

    /// <summary>S3's multipart ETag: MD5 of the concatenated binary part MD5s, then "-" and the part count.</summary>
    internal static string MultipartETag(IReadOnlyList<MultipartPartRow> parts)
    {
        var digests = parts.SelectMany(p => Convert.FromHexString(p.ETag)).ToArray();
        return $"{Convert.ToHexStringLower(MD5.HashData(digests))}-{parts.Count}";
    }
}
