using System.IO.Pipelines;
using Microsoft.Win32.SafeHandles;

namespace Mediaflow.Storage.Http.Handlers;

/// <summary>
/// Sends a byte range of a blob as the response body: the file is read straight into the response pipe's own memory
/// (no intermediate buffer, so each byte is copied once on its way from the page cache to the socket), in chunks of
/// <see cref="ChunkSize"/> so a large GET costs few reads, flushes and socket sends. Memory stays bounded: one chunk
/// per response, and <see cref="PipeWriter.FlushAsync"/> waits while the client is slower than the disk.
/// </summary>
internal static class BlobSender
{
    internal const int ChunkSize = 256 * 1024;

    public static async Task SendAsync(SafeFileHandle blob, long offset, long count, PipeWriter destination, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            var memory = destination.GetMemory((int)Math.Min(ChunkSize, count));
            var want = (int)Math.Min(memory.Length, count);
            var read = await RandomAccess.ReadAsync(blob, memory[..want], offset, cancellationToken);
            if (read == 0)
            {
                throw new StorageException(StorageErrorCode.InternalError, "the blob is shorter than its row says");
            }

            destination.Advance(read);
            offset += read;
            count -= read;
            var flushed = await destination.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return; // the client went away; Kestrel aborts the response
            }
        }
    }
}
