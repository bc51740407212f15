using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Mediaflow.Storage.Buckets;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Storage.Tests.Integration;

public sealed class S3BucketTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutBucket_LocationConstraint_RegionFixedAtCreation()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        var plain = StoreFixture.NewBucketName();
        var catalog = store.Services.GetRequiredService<IBucketCatalog>();

        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegionName = "ap-shanghai" });
        await s3.PutBucketAsync(plain);

        Assert.Equal("ap-shanghai", (await catalog.FindBucketAsync(StoreFixture.AppId, bucket, default))?.Region);
        Assert.Equal("ap-guangzhou", (await catalog.FindBucketAsync(StoreFixture.AppId, plain, default))?.Region);
        Assert.Null(await catalog.FindBucketAsync(StoreFixture.OtherAppId, bucket, default));
    }

    [Fact]
    public async Task PutBucket_ExistingNames_OwnedByYouOrAlreadyExists()
    {
        using var s3 = store.Client();
        using var other = store.Client(store.OtherKey);
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);

        var own = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync(bucket));
        var foreign = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.PutBucketAsync(bucket));

        Assert.Equal("BucketAlreadyOwnedByYou", own.ErrorCode);
        Assert.Equal("BucketAlreadyExists", foreign.ErrorCode);
        Assert.Equal(HttpStatusCode.Conflict, foreign.StatusCode);
    }

    [Fact]
    public async Task PutBucket_OtherAccountsAppIdSuffix_InvalidBucketName()
    {
        using var s3 = store.Client();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync($"media-{StoreFixture.OtherAppId}"));
        await s3.PutBucketAsync($"media-{Guid.NewGuid().ToString("N")[..6]}-{StoreFixture.AppId}");

        Assert.Equal("InvalidBucketName", error.ErrorCode);
    }

    [Fact]
    public async Task OtherAccountsBucket_ListGetHead_Invisible()
    {
        using var s3 = store.Client();
        using var other = store.Client(store.OtherKey);
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "secret.txt", ContentBody = "secret" });

        var buckets = await other.ListBucketsAsync();
        var get = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.GetObjectAsync(bucket, "secret.txt"));
        var list = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }));
        var put = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "x", ContentBody = "x" }));

        Assert.DoesNotContain(bucket, (buckets.Buckets ?? []).Select(b => b.BucketName));
        Assert.Equal("AccessDenied", get.ErrorCode);
        Assert.Equal("AccessDenied", list.ErrorCode);
        Assert.Equal("AccessDenied", put.ErrorCode);
        Assert.Null(await store.Services.GetRequiredService<IObjectStore>().HeadAsync(StoreFixture.OtherAppId, bucket, "secret.txt", default));
    }

    [Fact]
    public async Task DeleteBucket_NonEmptyThenEmpty_BucketNotEmptyThenGone()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" });

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.DeleteBucketAsync(bucket));
        await s3.DeleteObjectAsync(bucket, "k");
        await s3.DeleteBucketAsync(bucket);
        var buckets = await s3.ListBucketsAsync();

        Assert.Equal("BucketNotEmpty", error.ErrorCode);
        Assert.DoesNotContain(bucket, (buckets.Buckets ?? []).Select(b => b.BucketName));
    }

    [Fact]
    public async Task HeadBucket_MissingBucket_NotFound()
    {
        using var s3 = store.Client();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(StoreFixture.NewBucketName(), "k"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
