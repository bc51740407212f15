using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Mediaflow.Storage.Disk;

/// <summary>
/// Writes new blobs: temp file + MD5 while writing, fsync, rename into place. Bodies are consumed from a
/// <see cref="PipeReader"/> (for an undecoded request body, Kestrel's own: its buffers are hashed and written as they
/// are, with no copy into a buffer of ours) in batches of up to <see cref="BatchSize"/>: each batch is written to the
/// file (one gather write) on a pool thread while this thread hashes it, and its pages are handed to the disk at once
/// (<see cref="FileWriteback"/>), so the fsync at the end finds little left to write. Memory stays flat for any size.
/// Below <see cref="StorageOptions.MinFreeBytes"/> of free disk, or when the disk fills up, the write stops with
/// XMediaflowStorageFull and the temp file is deleted.
/// </summary>
internal sealed class BlobWriter(BlobFiles files, StorageOptions options)
{
    // A batch this large is worth a second thread (hash here, write there); smaller ones are done inline. Waiting for a
    // full batch needs a request buffer that holds one: the host keeps Kestrel's at MinimumRequestBufferSize or more.
    private const int BatchSize = 512 * 1024;

    // Reads of file sources (multipart concatenation, part copy).
    private const int FileReadSize = 1024 * 1024;

    // How often a long write re-checks the free space, so a large upload stops before it eats the reserve.
    private const long FreeSpaceCheckInterval = 64L * 1024 * 1024;

    // ENOSPC and EDQUOT as the HResult .NET gives their IOException on Unix, and ERROR_DISK_FULL on Windows.
    private static readonly int[] DiskFullResults = [28, 122, unchecked((int)0x80070070)];

    /// <summary>
    /// Copies <paramref name="body"/> (already decoded and verifying its own signature/checksum as it is read) into a
    /// blob. On any failure the temp file is deleted and nothing is left behind.
    /// </summary>
    public Task<WrittenBlob> WriteAsync(PipeReader body, long? expectedSize, CancellationToken cancellationToken) =>
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
                await sink.CopyFromFileAsync(input, long.MaxValue, ct);
            }
        }, cancellationToken);

    /// <summary>Copies <paramref name="length"/> bytes at <paramref name="offset"/> of a blob into a new blob (UploadPartCopy).</summary>
    public Task<WrittenBlob> CopyRangeAsync(string sourcePath, long offset, long length, CancellationToken cancellationToken) =>
        WriteWithAsync(length, async (sink, ct) =>
        {
            await using var input = OpenRead(sourcePath);
            input.Seek(offset, SeekOrigin.Begin);
            if (await sink.CopyFromFileAsync(input, length, ct) != length)
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
            using (var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None))
            {
                var sink = new Sink(file, md5, this);
                await fill(sink, cancellationToken);
                size = sink.Written;
                FileWriteback.Fsync(file);
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
    private sealed class Sink(SafeFileHandle file, IncrementalHash md5, BlobWriter owner)
    {
        private readonly List<ReadOnlyMemory<byte>> segments = [];
        private long sinceCheck;

        public long Written { get; private set; }

        public async Task<long> CopyFromAsync(PipeReader source, long limit, CancellationToken cancellationToken)
        {
            long copied = 0;
            while (copied < limit)
            {
                var result = await source.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                if (buffer.Length > limit - copied)
                {
                    buffer = buffer.Slice(0, limit - copied);
                }

                if (buffer.Length < BatchSize && !result.IsCompleted && buffer.Length < limit - copied)
                {
                    source.AdvanceTo(buffer.Start, buffer.End); // wait for a fuller batch
                    continue;
                }

                if (!buffer.IsEmpty)
                {
                    await AppendAsync(buffer, cancellationToken);
                    copied += buffer.Length;
                }

                source.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            return copied;
        }

        public async Task<long> CopyFromFileAsync(FileStream input, long limit, CancellationToken cancellationToken)
        {
            var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: FileReadSize, minimumReadSize: FileReadSize / 4, leaveOpen: true));
            try
            {
                return await CopyFromAsync(reader, limit, cancellationToken);
            }
            finally
            {
                await reader.CompleteAsync();
            }
        }

        /// <summary>Writes one batch at the end of the file (on a pool thread when large) while hashing it here.</summary>
        private async Task AppendAsync(ReadOnlySequence<byte> batch, CancellationToken cancellationToken)
        {
            segments.Clear();
            foreach (var segment in batch)
            {
                segments.Add(segment);
            }

            var offset = Written;
            if (batch.Length >= BatchSize)
            {
                var write = Task.Run(() => WriteBatch(offset, batch.Length), cancellationToken);
                try
                {
                    Hash(batch);
                }
                finally
                {
                    await write; // the batch's memory belongs to the reader again once it is advanced
                }
            }
            else
            {
                Hash(batch);
                WriteBatch(offset, batch.Length);
            }

            Written += batch.Length;
            sinceCheck += batch.Length;
            if (sinceCheck >= FreeSpaceCheckInterval)
            {
                sinceCheck = 0;
                owner.EnsureFreeSpace(0);
            }
        }

        private void Hash(ReadOnlySequence<byte> batch)
        {
            foreach (var segment in batch)
            {
                md5.AppendData(segment.Span);
            }
        }

        private void WriteBatch(long offset, long length)
        {
            RandomAccess.Write(file, segments, offset);
            FileWriteback.Start(file, offset, length);
        }
    }
}
