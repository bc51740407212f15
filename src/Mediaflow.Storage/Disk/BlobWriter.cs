using System.Security.Cryptography;

namespace Mediaflow.Storage.Disk;

/// <summary>
/// Writes new blobs: temp file + MD5 while writing, fsync, rename into place. Bodies are streamed in bounded buffers
/// (memory stays flat for any size). Below <see cref="StorageOptions.MinFreeBytes"/> of free disk, or when the disk
/// fills up, the write stops with XMediaflowStorageFull and the temp file is deleted.
/// </summary>
internal sealed class BlobWriter(BlobFiles files, StorageOptions options)
{
    private const int BufferSize = 128 * 1024;

    // How often a long write re-checks the free space, so a large upload stops before it eats the reserve.
    private const long FreeSpaceCheckInterval = 64L * 1024 * 1024;

    // ENOSPC and EDQUOT as the HResult .NET gives their IOException on Unix, and ERROR_DISK_FULL on Windows.
    private static readonly int[] DiskFullResults = [28, 122, unchecked((int)0x80070070)];

    /// <summary>
    /// Copies <paramref name="body"/> (already decoded and verifying its own signature/checksum as it is read) into a
    /// blob. On any failure the temp file is deleted and nothing is left behind.
    /// </summary>
    public Task<WrittenBlob> WriteAsync(Stream body, long? expectedSize, CancellationToken cancellationToken) =>
        WriteWithAsync(expectedSize ?? 0, async (sink, ct) =>
        {
            var size = await sink.CopyFromAsync(body, long.MaxValue, ct);
            if (expectedSize is { } expected && expected != size)
            {
                throw new StorageException(StorageErrorCode.IncompleteBody, $"expected {expected} bytes, received {size}");
            }
        }, cancellationToken);

    /// <summary>Concatenates existing blobs (multipart parts) into a new blob.</summary>
    public Task<WrittenBlob> ConcatenateAsync(IReadOnlyList<string> sourcePaths, CancellationToken cancellationToken) =>
        WriteWithAsync(sourcePaths.Sum(p => new FileInfo(p).Length), async (sink, ct) =>
        {
            foreach (var source in sourcePaths)
            {
                await using var input = OpenRead(source);
                await sink.CopyFromAsync(input, long.MaxValue, ct);
            }
        }, cancellationToken);

    /// <summary>Copies <paramref name="length"/> bytes at <paramref name="offset"/> of a blob into a new blob (UploadPartCopy).</summary>
    public Task<WrittenBlob> CopyRangeAsync(string sourcePath, long offset, long length, CancellationToken cancellationToken) =>
        WriteWithAsync(length, async (sink, ct) =>
        {
            await using var input = OpenRead(sourcePath);
            input.Seek(offset, SeekOrigin.Begin);
            if (await sink.CopyFromAsync(input, length, ct) != length)
            {
                throw new StorageException(StorageErrorCode.InternalError, "the source blob is shorter than its row says");
            }
        }, cancellationToken);

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private async Task<WrittenBlob> WriteWithAsync(long announcedSize, Func<Sink, CancellationToken, Task> fill, CancellationToken cancellationToken)
    {
        EnsureFreeSpace(announcedSize);
        var temp = files.NewTempPath();
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long size;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                var sink = new Sink(file, md5, this);
                await fill(sink, cancellationToken);
                size = sink.Written;
                file.Flush(flushToDisk: true);
            }

            var blobId = files.Promote(temp);
            return new WrittenBlob(blobId, files.PathOf(blobId), size, md5.GetHashAndReset());
        }
        catch (IOException error) when (DiskFullResults.Contains(error.HResult))
        {
            BlobFiles.TryDelete(temp);
            throw new StorageException(StorageErrorCode.XMediaflowStorageFull);
        }
        catch
        {
            BlobFiles.TryDelete(temp);
            throw;
        }
    }

    /// <summary>Refuses a write that would leave less than <see cref="StorageOptions.MinFreeBytes"/> free.</summary>
    private void EnsureFreeSpace(long comingBytes)
    {
        if (options.MinFreeBytes <= 0)
        {
            return;
        }

        Directory.CreateDirectory(options.RootDirectory);
        var free = new DriveInfo(Path.GetFullPath(options.RootDirectory)).AvailableFreeSpace;
        if (free - comingBytes < options.MinFreeBytes)
        {
            throw new StorageException(StorageErrorCode.XMediaflowStorageFull);
        }
    }

    /// <summary>The temp file being written: hashes, counts, and re-checks free space every <see cref="FreeSpaceCheckInterval"/>.</summary>
    private sealed class Sink(FileStream file, IncrementalHash md5, BlobWriter owner)
    {
        private long sinceCheck;

        public long Written { get; private set; }

        public async Task<long> CopyFromAsync(Stream source, long limit, CancellationToken cancellationToken)
        {
            var buffer = new byte[BufferSize];
            long copied = 0;
            int read;
            while (copied < limit && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copied)), cancellationToken)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                copied += read;
                Written += read;
                sinceCheck += read;
                if (sinceCheck >= FreeSpaceCheckInterval)
                {
                    sinceCheck = 0;
                    owner.EnsureFreeSpace(0);
                }
            }

            return copied;
        }
    }
}
