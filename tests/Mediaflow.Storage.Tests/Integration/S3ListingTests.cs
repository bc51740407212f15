using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Integration;

public sealed class S3ListingTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private static readonly string[] Keys = ["a.txt", "photos/2024/1.jpg", "photos/2024/2.jpg", "photos/2025/1.jpg", "photos/top.jpg", "videos/x.mp4", "z.txt"];

    [Fact]
    public async Task ListObjectsV2_Delimiter_RollsUpCommonPrefixes()
    {
        var bucket = await FilledBucketAsync();
        using var s3 = store.Client();

        var root = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/" });
        var photos = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/", Prefix = "photos/" });

        Assert.Equal(["a.txt", "z.txt"], (root.S3Objects ?? []).Select(o => o.Key));
        Assert.Equal(["photos/", "videos/"], root.CommonPrefixes);
        Assert.Equal(4, root.KeyCount);
        Assert.Equal(["photos/top.jpg"], (photos.S3Objects ?? []).Select(o => o.Key));
        Assert.Equal(["photos/2024/", "photos/2025/"], photos.CommonPrefixes);
    }

    [Fact]
    public async Task ListObjectsV2_Pagination_VisitsEveryEntryOnce()
    {
        var bucket = await FilledBucketAsync();
        using var s3 = store.Client();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/", MaxKeys = 1, ContinuationToken = token });
            seen.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            seen.AddRange(page.CommonPrefixes ?? []);
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a.txt", "photos/", "videos/", "z.txt"], seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task ListObjectsV2_StartAfterAndPrefixWithoutDelimiter_ListsFlat()
    {
        var bucket = await FilledBucketAsync();
        using var s3 = store.Client();

        var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "photos/", StartAfter = "photos/2024/1.jpg", MaxKeys = 2 });

        Assert.Equal(["photos/2024/2.jpg", "photos/2025/1.jpg"], (page.S3Objects ?? []).Select(o => o.Key));
        Assert.True(page.IsTruncated);
    }

    [Fact]
    public async Task ListObjectsV2_MixedCaseAndPunctuation_ByteOrder()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        foreach (var key in new[] { "a", "_", "Z", "B", "a-b", "a.b", "ab" })
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key });
        }

        var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal(["B", "Z", "_", "a", "a-b", "a.b", "ab"], (page.S3Objects ?? []).Select(o => o.Key));
    }

    private async Task<string> FilledBucketAsync()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        foreach (var key in Keys)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key });
        }

        return bucket;
    }
}
