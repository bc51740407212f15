using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Compliance;

/// <summary>
/// The storage behaviour, written once and run against every implementation through AWSSDK.S3: derive, add
/// <c>IClassFixture&lt;YourTarget&gt;</c> and pass the fixture in. Every test creates its own bucket. Partial files by
/// concern: objects (here), <c>.Ranges</c>, <c>.Conditionals</c>, <c>.Copy</c>, <c>.Delete</c>, <c>.Listing</c>,
/// <c>.Multipart</c>, <c>.Keys</c>.
/// </summary>
public abstract partial class ObjectStoreComplianceTests(IObjectStoreTarget target) : IDisposable
{
    private readonly IAmazonS3 s3 = target.CreateClient();

    protected IAmazonS3 S3 => s3;

    protected IObjectStoreTarget Target => target;

    public void Dispose()
    {
        s3.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task PutObject_ThenGetAndHead_SameBytesETagAndLength()
    {
        var bucket = await NewBucketAsync();
        var body = RandomNumberGenerator.GetBytes(200_000);

        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a/b.bin", InputStream = new MemoryStream(body) });
        var got = await ReadAsync(bucket, "a/b.bin");
        var head = await S3.GetObjectMetadataAsync(bucket, "a/b.bin");

        Assert.Equal(Md5ETag(body), put.ETag);
        Assert.Equal(body, got);
        Assert.Equal(put.ETag, head.ETag);
        Assert.Equal(body.Length, head.ContentLength);
    }

    [Fact]
    public async Task PutObject_Empty_ZeroLengthWithEmptyMd5ETag()
    {
        var bucket = await NewBucketAsync();

        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "empty", InputStream = new MemoryStream() });
        var got = await ReadAsync(bucket, "empty");

        Assert.Equal("\"d41d8cd98f00b204e9800998ecf8427e\"", put.ETag);
        Assert.Empty(got);
    }

    [Fact]
    public async Task PutObject_StandardHeaders_RoundTripOnGetAndHead()
    {
        var bucket = await NewBucketAsync();
        var put = new PutObjectRequest { BucketName = bucket, Key = "page.html.gz", ContentBody = "compressed?", ContentType = "text/html; charset=utf-8" };
        put.Headers.ContentEncoding = "gzip";
        put.Headers.ContentDisposition = "attachment; filename=\"page.html\"";
        put.Headers.CacheControl = "public, max-age=3600";
        await S3.PutObjectAsync(put);

        using var get = await S3.GetObjectAsync(bucket, "page.html.gz");
        var head = await S3.GetObjectMetadataAsync(bucket, "page.html.gz");

        foreach (var headers in new[] { get.Headers, head.Headers })
        {
            Assert.Equal("text/html; charset=utf-8", headers.ContentType);
            Assert.Equal("gzip", headers.ContentEncoding);
            Assert.Equal("attachment; filename=\"page.html\"", headers.ContentDisposition);
            Assert.Equal("public, max-age=3600", headers.CacheControl);
        }
    }

    [Fact]
    public async Task PutObject_UserMetadata_RoundTripsOnGetAndHead()
    {
        var bucket = await NewBucketAsync();
        var put = new PutObjectRequest { BucketName = bucket, Key = "m.txt", ContentBody = "x" };
        put.Metadata["origin"] = "camera-7";
        put.Metadata["take"] = "12";
        await S3.PutObjectAsync(put);

        using var get = await S3.GetObjectAsync(bucket, "m.txt");
        var head = await S3.GetObjectMetadataAsync(bucket, "m.txt");

        Assert.Equal("camera-7", get.Metadata["origin"]);
        Assert.Equal("12", get.Metadata["take"]);
        Assert.Equal("camera-7", head.Metadata["origin"]);
    }

    [Fact]
    public async Task PutObject_Utf8MetadataAsRfc2047EncodedWord_RoundTrips()
    {
        var bucket = await NewBucketAsync();
        var encoded = "=?UTF-8?B?" + Convert.ToBase64String(Utf8("中文 título")) + "?=";
        var put = new PutObjectRequest { BucketName = bucket, Key = "u.txt", ContentBody = "x" };
        put.Metadata["title"] = encoded;
        await S3.PutObjectAsync(put);

        var head = await S3.GetObjectMetadataAsync(bucket, "u.txt");

        Assert.Equal(encoded, head.Metadata["title"]);
    }

    [Fact]
    public async Task PutObject_MetadataOver2KB_MetadataTooLargeAndNothingStored()
    {
        var bucket = await NewBucketAsync();
        var put = new PutObjectRequest { BucketName = bucket, Key = "big-meta.txt", ContentBody = "x" };
        put.Metadata["a"] = new string('v', 1100);
        put.Metadata["b"] = new string('w', 1000);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.PutObjectAsync(put));
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectMetadataAsync(bucket, "big-meta.txt"));

        Assert.Equal("MetadataTooLarge", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task PutObject_WrongContentMd5_BadDigestAndNothingStored()
    {
        var bucket = await NewBucketAsync();
        var wrong = Convert.ToBase64String(MD5.HashData("something else"u8));

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "md5.txt", ContentBody = "the body", MD5Digest = wrong,
        }));
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectMetadataAsync(bucket, "md5.txt"));

        Assert.Equal("BadDigest", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task PutObject_MalformedContentMd5_InvalidDigest()
    {
        var bucket = await NewBucketAsync();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "md5.txt", ContentBody = "the body", MD5Digest = Convert.ToBase64String(new byte[5]),
        }));

        Assert.Equal("InvalidDigest", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task PutObject_RightContentMd5_Accepted()
    {
        var bucket = await NewBucketAsync();
        var md5 = Convert.ToBase64String(MD5.HashData("the body"u8));

        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "md5.txt", ContentBody = "the body", MD5Digest = md5 });

        Assert.Equal(HttpStatusCode.OK, put.HttpStatusCode);
    }

    [Fact]
    public async Task PutObject_ConcurrentWritersAndReaders_EveryReadIsOneWholeVersion()
    {
        var bucket = await NewBucketAsync();
        var versions = Enumerable.Range(0, 6).Select(i => Enumerable.Repeat((byte)('a' + i), 150_000).ToArray()).ToArray();
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "hot", InputStream = new MemoryStream(versions[0]) });

        var writers = versions.Skip(1).Select(v => S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "hot", InputStream = new MemoryStream(v) }));
        var readers = Enumerable.Range(0, 10).Select(_ => ReadAsync(bucket, "hot"));
        var reads = await Task.WhenAll(readers);
        await Task.WhenAll(writers);

        Assert.All(reads, read => Assert.Contains(versions, v => v.AsSpan().SequenceEqual(read)));
    }

    [Fact]
    public async Task GetObject_MissingKey_NoSuchKeyWithRequestId()
    {
        var bucket = await NewBucketAsync();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectAsync(bucket, "nope"));

        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task GetObject_MissingBucket_NoSuchBucket()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.GetObjectAsync(Target.FreshBucketName(), "nope"));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    protected async Task<string> NewBucketAsync()
    {
        var bucket = Target.FreshBucketName();
        await S3.PutBucketAsync(bucket);
        return bucket;
    }

    protected async Task<byte[]> ReadAsync(string bucket, string key, ByteRange? range = null)
    {
        using var get = await S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = range });
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected Task PutTextAsync(string bucket, string key, string text) =>
        S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = text });

    protected static string Md5ETag(byte[] body) => $"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"";

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
