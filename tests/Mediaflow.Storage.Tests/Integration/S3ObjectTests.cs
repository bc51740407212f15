using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>Single-object operations through AWSSDK.S3 on its default settings (aws-chunked + signed chunks + CRC32 trailer).</summary>
public sealed class S3ObjectTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutObject_DefaultSdkSettings_RoundTripsBytesTypeAndMetadata()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var body = RandomNumberGenerator.GetBytes(300_000);

        var put = new PutObjectRequest { BucketName = bucket, Key = "dir a/vídeo(1).mp4", InputStream = new MemoryStream(body), ContentType = "video/x-custom" };
        put.Metadata["origin"] = "camera-7";
        var putResponse = await s3.PutObjectAsync(put);
        using var get = await s3.GetObjectAsync(bucket, "dir a/vídeo(1).mp4");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);

        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"", putResponse.ETag);
        Assert.Equal(body, copy.ToArray());
        Assert.Equal("video/x-custom", get.Headers.ContentType);
        Assert.Equal("camera-7", get.Metadata["origin"]);
        Assert.Equal(putResponse.ETag, get.ETag);
    }

    [Fact]
    public async Task PutObject_PresignedWithoutContentType_TypeComesFromExtension()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        using var http = new HttpClient();
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket, Key = "hls/index.m3u8", Verb = HttpVerb.PUT, Protocol = Protocol.HTTP,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5),
        });

        using var put = await http.PutAsync(url, new ByteArrayContent("#EXTM3U\n"u8.ToArray()));
        var head = await s3.GetObjectMetadataAsync(bucket, "hls/index.m3u8");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        Assert.Equal("application/vnd.apple.mpegurl", head.Headers.ContentType);
        Assert.Equal(8, head.ContentLength);
    }

    [Theory]
    [InlineData(2L, 5L, "cdef")]
    [InlineData(20L, null, "uvwxyz")]
    public async Task GetObject_Range_Returns206WithSlice(long start, long? end, string expected)
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "abc.txt", ContentBody = "abcdefghijklmnopqrstuvwxyz" });

        using var get = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "abc.txt", ByteRange = new ByteRange(start, end ?? 25) });
        using var reader = new StreamReader(get.ResponseStream);

        Assert.Equal(HttpStatusCode.PartialContent, get.HttpStatusCode);
        Assert.Equal(expected, await reader.ReadToEndAsync());
        Assert.Equal($"bytes {start}-{end ?? 25}/26", get.ContentRange);
    }

    [Fact]
    public async Task GetObject_SuffixAndUnsatisfiableRange_SliceAnd416()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "abc.txt", ContentBody = "abcdefghijklmnopqrstuvwxyz" });
        var presigned = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = bucket, Key = "abc.txt", Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5), Protocol = Protocol.HTTP });
        using var http = new HttpClient();

        using var suffix = new HttpRequestMessage(HttpMethod.Get, presigned);
        suffix.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(null, 3);
        using var suffixResponse = await http.SendAsync(suffix);
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "abc.txt", ByteRange = new ByteRange("bytes=30-40") }));

        Assert.Equal(HttpStatusCode.PartialContent, suffixResponse.StatusCode);
        Assert.Equal("xyz", await suffixResponse.Content.ReadAsStringAsync());
        Assert.Equal("InvalidRange", error.ErrorCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, error.StatusCode);
    }

    [Fact]
    public async Task DeleteObject_TwiceThenGet_IdempotentThenNoSuchKey()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "gone.txt", ContentBody = "x" });

        var first = await s3.DeleteObjectAsync(bucket, "gone.txt");
        var second = await s3.DeleteObjectAsync(bucket, "gone.txt");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(bucket, "gone.txt"));

        Assert.Equal(HttpStatusCode.NoContent, first.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.HttpStatusCode);
        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task PutObject_PlainSignedPayload_Accepted()
    {
        var config = new AmazonS3Config
        {
            ServiceURL = store.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "ap-guangzhou",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
        };
        using var s3 = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(store.Key.SecretId, store.Key.SecretKey), config);
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "plain.bin", ContentBody = "plain body", UseChunkEncoding = false });
        var head = await s3.GetObjectMetadataAsync(bucket, "plain.bin");

        Assert.Equal(10, head.ContentLength);
    }
}
