using Amazon.S3.Model;
using Microsoft.EntityFrameworkCore;

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
}
