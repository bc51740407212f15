using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Xunit.Abstractions;

namespace Mediaflow.Storage.Tests.Integration;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementGroup
{
    public const string Name = "memory measurement";
}

/// <summary>
/// A large PUT streams to disk: the managed heap does not grow with the body. 256 MiB instead of the 4 GiB
/// (4 GiB of fsynced writes is minutes on the CI machine); a buffering store would hold the whole body, 256 MiB.
/// Runs alone (no parallel tests) so the heap samples are this upload's.
/// </summary>
[Collection(MemoryMeasurementGroup.Name)]
public sealed class StreamedPutMemoryTests(StoreFixture store, ITestOutputHelper output) : IClassFixture<StoreFixture>
{
    private const long Size = 256L * 1024 * 1024;
    private const long HeapGrowthBound = 48L * 1024 * 1024;

    [Fact]
    public async Task PutObject_256MiBStreamed_HeapStaysFlatAndBytesIntact()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket, Key = "large.bin", Verb = HttpVerb.PUT, Protocol = Protocol.HTTP, Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(30),
        });
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var source = new PatternStream(Size);
        using var content = new StreamContent(source, 64 * 1024);
        content.Headers.ContentLength = Size;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        var workingSetBaseline = Environment.WorkingSet;
        var workingSetPeak = workingSetBaseline;
        source.OnRead = () =>
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            workingSetPeak = Math.Max(workingSetPeak, Environment.WorkingSet);
        };
        using var response = await http.PutAsync(new Uri(url), content);
        var head = await s3.GetObjectMetadataAsync(bucket, "large.bin");
        var growth = peak - baseline;
        var workingSetGrowth = workingSetPeak - workingSetBaseline;
        output.WriteLine(
            $"256 MiB streamed PUT: managed heap baseline {baseline / 1048576.0:F1} MiB, peak {peak / 1048576.0:F1} MiB, growth {growth / 1048576.0:F1} MiB; "
            + $"working set growth {workingSetGrowth / 1048576.0:F1} MiB (client and server in one process)");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Size, head.ContentLength);
        Assert.Equal($"\"{source.Md5Hex}\"", head.ETag);
        Assert.True(growth < HeapGrowthBound, $"heap grew {growth} bytes during a {Size}-byte upload");
        Assert.True(workingSetGrowth < 2 * HeapGrowthBound, $"working set grew {workingSetGrowth} bytes during a {Size}-byte upload");
    }

    /// <summary>A deterministic, non-seekable body of <c>length</c> bytes that hashes itself as it is read.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private readonly IncrementalHash md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        private long position;
        private string? md5Hex;

        public Action? OnRead { get; set; }

        public string? Md5Hex => md5Hex;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - position);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = (byte)((position + i) * 31 % 251);
            }

            md5.AppendData(buffer[..n]);
            position += n;
            if (position == length && md5Hex is null)
            {
                md5Hex = Convert.ToHexStringLower(md5.GetHashAndReset());
            }

            if ((position & ((8 * 1024 * 1024) - 1)) < n)
            {
                OnRead?.Invoke();
            }

            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                md5.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
