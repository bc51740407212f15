using System.Security.Cryptography;

namespace Mediaflow.Storage.Disk;

/// <summary>Streams a body into a new blob: temp file + MD5 while writing, fsync, rename into place.</summary>
internal sealed class BlobWriter(BlobFiles files)
{
    private const int BufferSize = 128 * 1024;

    /// <summary>
    /// Copies <paramref name="body"/> (already decoded and verifying its own signature/checksum as it is read) into a
    /// blob. On any failure the temp file is deleted and nothing is left behind.
    /// </summary>
    public async Task<WrittenBlob> WriteAsync(Stream body, long? expectedSize, CancellationToken cancellationToken)
    {
        var temp = files.NewTempPath();
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long size = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    md5.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }

                file.Flush(flushToDisk: true);
            }

            if (expectedSize is { } expected && expected != size)
            {
                throw new StorageException(StorageErrorCode.IncompleteBody, $"expected {expected} bytes, received {size}");
            }

            var blobId = files.Promote(temp);
            return new WrittenBlob(blobId, files.PathOf(blobId), size, md5.GetHashAndReset());
        }
        catch
        {
            BlobFiles.TryDelete(temp);
            throw;
        }
    }

    /// <summary>Concatenates existing blobs (multipart parts) into a new blob.</summary>
    public async Task<WrittenBlob> ConcatenateAsync(IReadOnlyList<string> sourcePaths, CancellationToken cancellationToken)
    {
        var temp = files.NewTempPath();
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long size = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                foreach (var source in sourcePaths)
                {
                    await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                    int read;
                    while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        md5.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        size += read;
                    }
                }

                file.Flush(flushToDisk: true);
            }

            var blobId = files.Promote(temp);
            return new WrittenBlob(blobId, files.PathOf(blobId), size, md5.GetHashAndReset());
        }
        catch
        {
            BlobFiles.TryDelete(temp);
            throw;
        }
    }
}
