using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Compliance;

public abstract partial class ObjectStoreComplianceTests
{
    [Fact]
    public async Task GetObject_IfMatchCurrentETag_200()
    {
        var bucket = await NewBucketAsync();
        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "c.txt", ContentBody = "v1" });

        using var get = await S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "c.txt", EtagToMatch = put.ETag });

        Assert.Equal(HttpStatusCode.OK, get.HttpStatusCode);
    }

    [Fact]
    public async Task GetObject_IfMatchOtherETag_PreconditionFailed412()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "c.txt", "v1");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "c.txt", EtagToMatch = "\"0123456789abcdef0123456789abcdef\"" }));

        Assert.Equal("PreconditionFailed", error.ErrorCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
    }

    [Fact]
    public async Task GetObject_IfNoneMatchCurrentETag_NotModified304()
    {
        var bucket = await NewBucketAsync();
        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "c.txt", ContentBody = "v1" });

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "c.txt", EtagToNotMatch = put.ETag }));

        Assert.Equal(HttpStatusCode.NotModified, error.StatusCode);
    }

    [Fact]
    public async Task GetObject_IfNoneMatchOtherETag_200()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "c.txt", "v1");

        using var get = await S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "c.txt", EtagToNotMatch = "\"0123456789abcdef0123456789abcdef\"" });

        Assert.Equal(HttpStatusCode.OK, get.HttpStatusCode);
    }

    [Fact]
    public async Task GetObject_IfModifiedSinceAfterLastModified_NotModified304()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "c.txt", "v1");
        var lastModified = (await S3.GetObjectMetadataAsync(bucket, "c.txt")).LastModified!.Value.ToUniversalTime();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "c.txt", ModifiedSinceDate = lastModified.AddHours(1) }));
        using var modified = await S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "c.txt", ModifiedSinceDate = lastModified.AddHours(-1) });

        Assert.Equal(HttpStatusCode.NotModified, error.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.HttpStatusCode);
    }

    [Fact]
    public async Task GetObject_IfUnmodifiedSinceBeforeLastModified_PreconditionFailed412()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "c.txt", "v1");
        var lastModified = (await S3.GetObjectMetadataAsync(bucket, "c.txt")).LastModified!.Value.ToUniversalTime();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "c.txt", UnmodifiedSinceDate = lastModified.AddHours(-1) }));
        using var unmodified = await S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "c.txt", UnmodifiedSinceDate = lastModified.AddHours(1) });

        Assert.Equal("PreconditionFailed", error.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, unmodified.HttpStatusCode);
    }

    [Fact]
    public async Task GetObject_IfMatchTrueAndIfUnmodifiedSinceFalse_200()
    {
        var bucket = await NewBucketAsync();
        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "c.txt", ContentBody = "v1" });
        var lastModified = (await S3.GetObjectMetadataAsync(bucket, "c.txt")).LastModified!.Value.ToUniversalTime();

        using var get = await S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = bucket, Key = "c.txt", EtagToMatch = put.ETag, UnmodifiedSinceDate = lastModified.AddHours(-1),
        });

        Assert.Equal(HttpStatusCode.OK, get.HttpStatusCode);
    }

    [Fact]
    public async Task HeadObject_IfNoneMatchAndIfMatch_304And412()
    {
        var bucket = await NewBucketAsync();
        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "c.txt", ContentBody = "v1" });

        var notModified = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = "c.txt", EtagToNotMatch = put.ETag }));
        var failed = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = "c.txt", EtagToMatch = "\"0123456789abcdef0123456789abcdef\"" }));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
    }
}
