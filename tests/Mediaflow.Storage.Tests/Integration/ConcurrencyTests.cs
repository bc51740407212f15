using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using Mediaflow.Storage.Disk;
using Mediaflow.Storage.Objects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Storage.Tests.Integration;

public sealed class ConcurrencyTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutObject_SixteenParallelUploads_AllCommittedWithIncreasingSequences()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"p/{i:D2}.bin", InputStream = new MemoryStream(new byte[50_000 + i]) })));
        var list = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "p/" });
        await using var db = store.Db();
        var sequences = await db.ObjectEvents.Where(e => e.Bucket == bucket).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();

        Assert.Equal(16, (list.S3Objects ?? []).Count);
        Assert.Equal(16, sequences.Distinct().Count());
    }

    [Fact]
    public async Task PutObject_SameKeyOverwritten_LatestWinsAndOldBlobStillReadable()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var objects = (IObjectStore)store.Services.GetService(typeof(IObjectStore))!;

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "first" });
        var first = await objects.HeadAsync(StoreFixture.AppId, bucket, "k", default);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "second" });
        var second = await objects.HeadAsync(StoreFixture.AppId, bucket, "k", default);

        Assert.NotEqual(first!.BlobId, second!.BlobId);
        Assert.Equal("first", await File.ReadAllTextAsync((await objects.GetBlobPathAsync(first.BlobId, default))!));
        Assert.Equal("second", await File.ReadAllTextAsync((await objects.GetBlobPathAsync(second.BlobId, default))!));
    }

    // PUTs that arrive together are committed as one group (one transaction): two of one key in the same group must
    // end as if committed one after the other — one event each, the last one's row, every replaced blob queued.
    [Fact]
    public async Task PutObject_TwelveParallelUploadsOfOneKey_OneEventEachAndTheLastCommittedWins()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);

        var disk = store.Services.GetRequiredService<DiskObjectStore>();

        // Straight to the store (no HTTP client that would retry a failed group and hide the failure).
        var versions = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            disk.PutObjectAsync(StoreFixture.AppId, bucket, "same", new MemoryStream(Encoding.UTF8.GetBytes($"body {i}")), ObjectWrite.Plain(null), CancellationToken.None))));
        await using var db = store.Db();
        var events = await db.ObjectEvents.Where(e => e.Bucket == bucket && e.Key == "same").OrderBy(e => e.Sequence).ToListAsync();
        var row = await db.Objects.SingleAsync(o => o.Bucket == bucket && o.Key == "same");
        var replaced = events.Select(e => e.BlobId).Where(id => id != row.BlobId).ToList();
        var queued = await db.BlobGarbage.Where(g => replaced.Contains(g.BlobId)).CountAsync();
        using var got = await s3.GetObjectAsync(bucket, "same");
        using var reader = new StreamReader(got.ResponseStream);
        var body = await reader.ReadToEndAsync();

        Assert.Equal(12, events.Count);
        Assert.Equal(12, events.Select(e => e.BlobId).Distinct().Count());
        Assert.Equal(events[^1].BlobId, row.BlobId);
        Assert.Equal(events[^1].ETag, row.ETag);
        Assert.Contains(row.ETag, versions.Select(v => v.ETag));
        Assert.Equal($"\"{row.ETag}\"", got.ETag);
        Assert.Equal(row.ETag, Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body))));
        Assert.Equal(11, queued);
    }
}
