using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Compliance;

public abstract partial class ObjectStoreComplianceTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

    [Theory]
    [InlineData("bytes=0-0", "a", "bytes 0-0/26")]
    [InlineData("bytes=2-5", "cdef", "bytes 2-5/26")]
    [InlineData("bytes=20-", "uvwxyz", "bytes 20-25/26")]
    [InlineData("bytes=24-100", "yz", "bytes 24-25/26")]
    [InlineData("bytes=-3", "xyz", "bytes 23-25/26")]
    [InlineData("bytes=-100", Alphabet, "bytes 0-25/26")]
    public async Task GetObject_RangeForms_206WithSliceAndContentRange(string range, string expected, string contentRange)
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "abc.txt", Alphabet);

        using var get = await S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "abc.txt", ByteRange = new ByteRange(range) });
        using var reader = new StreamReader(get.ResponseStream);

        Assert.Equal(HttpStatusCode.PartialContent, get.HttpStatusCode);
        Assert.Equal(expected, await reader.ReadToEndAsync());
        Assert.Equal(contentRange, get.ContentRange);
        Assert.Equal(expected.Length, get.ContentLength);
    }

    [Theory]
    [InlineData("bytes=26-")]
    [InlineData("bytes=30-40")]
    [InlineData("bytes=-0")]
    public async Task GetObject_UnsatisfiableRange_InvalidRange416(string range)
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "abc.txt", Alphabet);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "abc.txt", ByteRange = new ByteRange(range) }));

        Assert.Equal("InvalidRange", error.ErrorCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, error.StatusCode);
    }

    [Fact]
    public async Task GetObject_MultipleRanges_WholeObject200()
    {
        var bucket = await NewBucketAsync();
        await PutTextAsync(bucket, "abc.txt", Alphabet);

        using var get = await S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "abc.txt", ByteRange = new ByteRange("bytes=0-1,4-5") });
        using var reader = new StreamReader(get.ResponseStream);

        Assert.Equal(HttpStatusCode.OK, get.HttpStatusCode);
        Assert.Equal(Alphabet, await reader.ReadToEndAsync());
    }
}
