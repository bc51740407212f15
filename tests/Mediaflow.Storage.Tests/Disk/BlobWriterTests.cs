using System.IO.Pipelines;
using System.Security.Cryptography;
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

        var blob = await writer.WriteAsync(Body(new byte[1000]), 1000, CancellationToken.None);

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

        var error = await Assert.ThrowsAsync<StorageException>(() => writer.WriteAsync(Body(new byte[10]), 10, CancellationToken.None));

        Assert.Equal(StorageErrorCode.XMediaflowStorageFull, error.Code);
        Assert.False(Directory.Exists(Path.Combine(root, "blobs")));
        Assert.False(Directory.Exists(Path.Combine(root, "tmp")) && Directory.GetFiles(Path.Combine(root, "tmp")).Length > 0);
    }

    [Fact]
    public async Task WriteAsync_BodyShorterThanAnnounced_IncompleteBodyAndNothingLeft()
    {
        var writer = Writer(minFreeBytes: 0);

        var error = await Assert.ThrowsAsync<StorageException>(() => writer.WriteAsync(Body(new byte[10]), 20, CancellationToken.None));

        Assert.Equal(StorageErrorCode.IncompleteBody, error.Code);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "tmp")));
        Assert.False(Directory.Exists(Path.Combine(root, "blobs")));
    }

    [Fact]
    public async Task CopyRangeAsync_MiddleOfABlob_ExactlyThoseBytes()
    {
        var writer = Writer(minFreeBytes: 0);
        var source = await writer.WriteAsync(Body("abcdefghij"u8.ToArray()), null, CancellationToken.None);

        var slice = await writer.CopyRangeAsync(source.Path, 3, 4, CancellationToken.None);

        Assert.Equal("defg"u8.ToArray(), await File.ReadAllBytesAsync(slice.Path));
        Assert.Equal(4, slice.Size);
    }

    [Fact]
    public async Task WriteAsync_BodyArrivingInOddPieces_ExactBytesAndMd5()
    {
        // Several batches, written on a second thread while hashed here, from a pipe fed in uneven pieces.
        var bytes = RandomNumberGenerator.GetBytes((3 << 20) + 12345);
        var pipe = new Pipe();
        var feeding = Task.Run(async () =>
        {
            for (int offset = 0, piece = 1; offset < bytes.Length; offset += piece, piece = (piece * 7 % 65521) + 1)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)));
            }

            await pipe.Writer.CompleteAsync();
        });
        var writer = Writer(minFreeBytes: 0);

        var blob = await writer.WriteAsync(pipe.Reader, bytes.Length, CancellationToken.None);
        await feeding;

        Assert.Equal(bytes, await File.ReadAllBytesAsync(blob.Path));
        Assert.Equal(MD5.HashData(bytes), blob.Md5);
        Assert.Equal(bytes.Length, blob.Size);
    }

    [Fact]
    public async Task CopyRangeAndConcatenate_AcrossBatchBoundaries_ExactBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 << 20);
        var writer = Writer(minFreeBytes: 0);
        var source = await writer.WriteAsync(Body(bytes), bytes.Length, CancellationToken.None);

        var slice = await writer.CopyRangeAsync(source.Path, 700_001, 1_500_000, CancellationToken.None);
        var joined = await writer.ConcatenateAsync([slice.Path, source.Path], CancellationToken.None);

        var expected = bytes.AsSpan(700_001, 1_500_000).ToArray();
        Assert.Equal(expected, await File.ReadAllBytesAsync(slice.Path));
        Assert.Equal(MD5.HashData(expected), slice.Md5);
        Assert.Equal(expected.Concat(bytes).ToArray(), await File.ReadAllBytesAsync(joined.Path));
    }

    [Fact]
    public void Promote_SeveralBlobs_ShareOneFanOutLeafUnderDistinctIds()
    {
        var options = new StorageOptions { RootDirectory = root };
        var files = new BlobFiles(options);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var temp = files.NewTempPath();
            File.WriteAllText(temp, $"blob {i}");
            ids.Add(files.Promote(temp));
        }

        Assert.All(ids, id => Assert.True(BlobFiles.IsBlobId(id)));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Single(ids.Select(id => Path.GetDirectoryName(files.PathOf(id))).Distinct());
        Assert.Equal(["blob 0", "blob 1", "blob 2"], ids.Select(id => File.ReadAllText(files.PathOf(id))));
    }

    private static PipeReader Body(byte[] bytes) => PipeReader.Create(new MemoryStream(bytes));

    private BlobWriter Writer(long minFreeBytes)
    {
        var options = new StorageOptions { RootDirectory = root, MinFreeBytes = minFreeBytes };
        return new BlobWriter(new BlobFiles(options), options);
    }
}
