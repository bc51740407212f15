using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>Keys the SDK can still send but the store refuses: NUL, and a path that is not UTF-8 — both as S3 error XML.</summary>
public sealed class S3KeyTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutObject_KeyWithNul_InvalidUriAndNothingStored()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);

        // The SDK reuses the connection of PutBucket: the refusal must also come as S3 XML on a kept-alive connection.
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a\0b", ContentBody = "x" }));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("InvalidURI", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Empty(listed.S3Objects ?? []);
    }

    [Theory]
    [InlineData("/bucket/a%00b")]
    [InlineData("/bucket/%00")]
    public async Task AnyRequest_NulInTarget_InvalidUriXml(string target)
    {
        using var http = new HttpClient { BaseAddress = store.Endpoint };

        using var response = await http.GetAsync(new Uri(target, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Code>InvalidURI</Code>", body, StringComparison.Ordinal);
        Assert.Contains("<RequestId>", body, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("x-amz-request-id"));
    }

    [Fact]
    public async Task PutObject_BodyThatLooksLikeARequestLineWithNul_StoredByteForByte()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        const string text = "GET /bucket/a%00b HTTP/1.1\r\nHost: x\r\n\r\n";

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "req.txt", ContentBody = text, UseChunkEncoding = false });
        using var got = await s3.GetObjectAsync(bucket, "req.txt");
        using var reader = new StreamReader(got.ResponseStream);

        Assert.Equal(text, await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("/bucket/%FF%FE")]
    [InlineData("/bucket/%C3")]
    public async Task AnyRequest_PathNotUtf8_InvalidUri(string path)
    {
        using var http = new HttpClient { BaseAddress = store.Endpoint };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidURI</Code>", body, StringComparison.Ordinal);
        Assert.Contains("<RequestId>", body, StringComparison.Ordinal);
    }
}
