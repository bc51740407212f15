using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Compliance;

public abstract partial class ObjectStoreComplianceTests
{
    [Fact]
    public async Task CopyObject_DefaultDirective_CopiesBytesTypeAndMetadata()
    {
        var bucket = await NewBucketAsync();
        var other = await NewBucketAsync();
        var put = new PutObjectRequest { BucketName = bucket, Key = "src/a.bin", ContentBody = "copy me", ContentType = "application/x-custom" };
        put.Metadata["origin"] = "camera-7";
        put.Headers.CacheControl = "no-cache";
        var source = await S3.PutObjectAsync(put);

        var copy = await S3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "src/a.bin", DestinationBucket = other, DestinationKey = "dst/b.bin" });
        using var get = await S3.GetObjectAsync(other, "dst/b.bin");
        using var reader = new StreamReader(get.ResponseStream);

        Assert.Equal(source.ETag, copy.ETag);
        Assert.Equal("copy me", await reader.ReadToEndAsync());
        Assert.Equal("application/x-custom", get.Headers.ContentType);
        Assert.Equal("camera-7", get.Metadata["origin"]);
        Assert.Equal("no-cache", get.Headers.CacheControl);
    }

    [Fact]
    public async Task CopyObject_ReplaceDirective_TakesRequestMetadata()
    {
        var bucket = await NewBucketAsync();
        var put = new PutObjectRequest { BucketName = bucket, Key = "a.txt", ContentBody = "body", ContentType = "text/plain" };
        put.Metadata["old"] = "1";
        await S3.PutObjectAsync(put);
        var request = new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "a.txt", DestinationBucket = bucket, DestinationKey = "b.txt",
            MetadataDirective = S3MetadataDirective.REPLACE, ContentType = "text/markdown",
        };
        request.Metadata["new"] = "2";

        await S3.CopyObjectAsync(request);
        var head = await S3.GetObjectMetadataAsync(bucket, "b.txt");

        Assert.Equal("text/markdown", head.Headers.ContentType);
        Assert.Equal("2", head.Metadata["new"]);
        Assert.DoesNotContain("x-amz-meta-old", head.Metadata.Keys);
    }

    [Fact]
    public async Task CopyObject_OntoItselfWithoutReplace_InvalidRequest()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "a.txt", "body");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "a.txt", DestinationBucket = bucket, DestinationKey = "a.txt" }));

        Assert.Equal("InvalidRequest", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task CopyObject_OntoItselfWithReplace_UpdatesMetadata()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "a.txt", "body");
        var request = new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "a.txt", DestinationBucket = bucket, DestinationKey = "a.txt", MetadataDirective = S3MetadataDirective.REPLACE,
        };
        request.Metadata["state"] = "reviewed";

        await S3.CopyObjectAsync(request);
        using var get = await S3.GetObjectAsync(bucket, "a.txt");
        using var reader = new StreamReader(get.ResponseStream);

        Assert.Equal("reviewed", get.Metadata["state"]);
        Assert.Equal("body", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task CopyObject_SourceConditions_412WhenTheyDoNotHold()
    {
        var bucket = await NewBucketAsync();
        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a.txt", ContentBody = "body" });

        var ifMatch = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "a.txt", DestinationBucket = bucket, DestinationKey = "b.txt", ETagToMatch = "\"0123456789abcdef0123456789abcdef\"",
        }));
        var ifNoneMatch = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "a.txt", DestinationBucket = bucket, DestinationKey = "b.txt", ETagToNotMatch = put.ETag,
        }));
        var matching = await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "a.txt", DestinationBucket = bucket, DestinationKey = "c.txt", ETagToMatch = put.ETag,
        });

        Assert.Equal("PreconditionFailed", ifMatch.ErrorCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, ifNoneMatch.StatusCode);
        Assert.Equal(put.ETag, matching.ETag);
    }

    [Fact]
    public async Task CopyObject_MissingSource_NoSuchKey()
    {
        var bucket = await NewBucketAsync();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "nope", DestinationBucket = bucket, DestinationKey = "b.txt" }));

        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task CopyObject_SourceDeletedOrOverwrittenAfterwards_CopyUnchanged()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "a.txt", "first");
        await PutTextAsync(bucket, "keep.txt", "other");
        await S3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "a.txt", DestinationBucket = bucket, DestinationKey = "b.txt" });
        await S3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "keep.txt", DestinationBucket = bucket, DestinationKey = "c.txt" });

        await S3.DeleteObjectAsync(bucket, "a.txt");
        await PutTextAsync(bucket, "keep.txt", "changed");

        Assert.Equal("first", System.Text.Encoding.UTF8.GetString(await ReadAsync(bucket, "b.txt")));
        Assert.Equal("other", System.Text.Encoding.UTF8.GetString(await ReadAsync(bucket, "c.txt")));
    }
}
