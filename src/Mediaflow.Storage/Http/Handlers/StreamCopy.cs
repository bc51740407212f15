namespace Mediaflow.Storage.Http.Handlers;

internal static class StreamCopy
{
    /// <summary>Copies exactly <paramref name="count"/> bytes in bounded buffers (never a whole object in memory).</summary>
    public static async Task CopyAsync(Stream source, Stream destination, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[128 * 1024];
        while (count > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
            {
                throw new StorageException(StorageErrorCode.InternalError, "the blob is shorter than its row says");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }
}
