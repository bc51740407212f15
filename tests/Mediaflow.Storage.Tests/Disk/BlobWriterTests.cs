using Mediaflow.Storage.Disk;

namespace Mediaflow.Storage.Tests.Disk;

/// <summary>The writer on a real temp directory: what it leaves behind on success and on each kind of failure.</summary>
public sealed class BlobWriterTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "mf-writer-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task WriteAsync_SmallReserve_BlobInPlaceAndTempEmpty()
    {
        var writer = Writer(minFreeBytes: 1);

        var blob = await writer.WriteAsync(new MemoryStream(new byte[1000]), 1000, CancellationToken.None);

        Assert.True(File.Exists(blob.Path));
        Assert.Equal(1000, new FileInfo(blob.Path).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "tmp")));
    }

    [Fact]
    public async Task WriteAsync_ReserveAboveFreeSpace_StorageFullBeforeAnyFile()
    {
        Directory.CreateDirectory(root);
        var free = new DriveInfo(root).AvailableFreeSpace;
        var writer = Writer(minFreeBytes: free + (1L << 30));

        var error = await Assert.ThrowsAsync<StorageException>(() => writer.WriteAsync(new MemoryStream(new byte[10]), 10, CancellationToken.None));

        Assert.Equal(StorageErrorCode.XMediaflowStorageFull, error.Code);
        Assert.False(Directory.Exists(Path.Combine(root, "blobs")));
        Assert.False(Directory.Exists(Path.Combine(root, "tmp")) && Directory.GetFiles(Path.Combine(root, "tmp")).Length > 0);
    }

    [Fact]
    public async Task WriteAsync_BodyShorterThanAnnounced_IncompleteBodyAndNothingLeft()
    {
        var writer = Writer(minFreeBytes: 0);

        var error = await Assert.ThrowsAsync<StorageException>(() => writer.WriteAsync(new MemoryStream(new byte[10]), 20, CancellationToken.None));

        Assert.Equal(StorageErrorCode.IncompleteBody, error.Code);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "tmp")));
        Assert.False(Directory.Exists(Path.Combine(root, "blobs")));
    }

    [Fact]
    public async Task CopyRangeAsync_MiddleOfABlob_ExactlyThoseBytes()
    {
        var writer = Writer(minFreeBytes: 0);
        var source = await writer.WriteAsync(new MemoryStream("abcdefghij"u8.ToArray()), null, CancellationToken.None);

        var slice = await writer.CopyRangeAsync(source.Path, 3, 4, CancellationToken.None);

        Assert.Equal("defg"u8.ToArray(), await File.ReadAllBytesAsync(slice.Path));
        Assert.Equal(4, slice.Size);
    }

    private BlobWriter Writer(long minFreeBytes)
    {
        var options = new StorageOptions { RootDirectory = root, MinFreeBytes = minFreeBytes };
        return new BlobWriter(new BlobFiles(options), options);
    }
}
