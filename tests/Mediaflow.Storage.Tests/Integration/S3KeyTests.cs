using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>Keys the SDK can still send but S3 refuses: NUL, and a path that is not UTF-8.</summary>
public sealed class S3KeyTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutObject_KeyWithNul_400AndNothingStored()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);

        // Kestrel itself refuses %00 in a request target (plain 400, before the store sees it); the store's own check
        // (ObjectKeysTests) covers keys that arrive by other ways.
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a\0b", ContentBody = "x" }));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Empty(listed.S3Objects ?? []);
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
