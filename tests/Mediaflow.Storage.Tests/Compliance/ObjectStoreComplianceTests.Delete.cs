using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Compliance;

public abstract partial class ObjectStoreComplianceTests
{
    [Fact]
    public async Task DeleteObjects_Verbose_ReportsEveryKeyIncludingMissingOnes()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "a", "1");
        await PutTextAsync(bucket, "b/c", "2");
        await PutTextAsync(bucket, "keep", "3");

        var result = await S3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket, Objects = [new KeyVersion { Key = "a" }, new KeyVersion { Key = "b/c" }, new KeyVersion { Key = "never-existed" }],
        });
        var left = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal(["a", "b/c", "never-existed"], (result.DeletedObjects ?? []).Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.Empty(result.DeleteErrors ?? []);
        Assert.Equal(["keep"], (left.S3Objects ?? []).Select(o => o.Key));
    }

    [Fact]
    public async Task DeleteObjects_Quiet_NoDeletedEntries()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "a", "1");
        await PutTextAsync(bucket, "b", "2");

        var result = await S3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Quiet = true, Objects = [new KeyVersion { Key = "a" }, new KeyVersion { Key = "b" }] });
        var left = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Empty(result.DeletedObjects ?? []);
        Assert.Empty(left.S3Objects ?? []);
    }

    [Fact]
    public async Task DeleteObjects_1001Keys_MalformedXmlAndNothingDeleted()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "k0", "x");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket, Objects = Enumerable.Range(0, 1001).Select(i => new KeyVersion { Key = $"k{i}" }).ToList(),
        }));
        var head = await S3.GetObjectMetadataAsync(bucket, "k0");

        Assert.Equal("MalformedXML", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.HttpStatusCode);
    }

    [Fact]
    public async Task DeleteObjects_1000Keys_AllDeleted()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "k0", "x");
        await PutTextAsync(bucket, "k999", "x");

        var result = await S3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket, Quiet = true, Objects = Enumerable.Range(0, 1000).Select(i => new KeyVersion { Key = $"k{i}" }).ToList(),
        });
        var left = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Empty(result.DeleteErrors ?? []);
        Assert.Empty(left.S3Objects ?? []);
    }

    [Fact]
    public async Task DeleteObject_TwiceThenHead_204Then404()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "gone", "x");

        var first = await S3.DeleteObjectAsync(bucket, "gone");
        var second = await S3.DeleteObjectAsync(bucket, "gone");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectMetadataAsync(bucket, "gone"));

        Assert.Equal(HttpStatusCode.NoContent, first.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
