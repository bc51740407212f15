using System.Net;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Integration;

public sealed class S3AuthTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task AnyRequest_WrongSecret_SignatureDoesNotMatch()
    {
        using var s3 = store.Client(secretOverride: "not-the-secret");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListBucketsAsync());

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task PutObject_WrongSecretStreamingBody_SignatureDoesNotMatchAndNothingStored()
    {
        using var good = store.Client();
        using var bad = store.Client(secretOverride: "not-the-secret");
        var bucket = StoreFixture.NewBucketName();
        await good.PutBucketAsync(bucket);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => bad.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "body" }));
        var list = await good.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Empty(list.S3Objects ?? []);
    }

    [Fact]
    public async Task AnyRequest_UnknownAccessKey_InvalidAccessKeyId()
    {
        var config = new AmazonS3Config { ServiceURL = store.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "ap-guangzhou" };
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("AKIDUNKNOWN", "secret"), config);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListBucketsAsync());

        Assert.Equal("InvalidAccessKeyId", error.ErrorCode);
    }

    [Fact]
    public async Task AnyRequest_Anonymous_AccessDeniedXml()
    {
        using var http = new HttpClient { BaseAddress = store.Endpoint };

        using var response = await http.GetAsync(new Uri("/some-bucket/key", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", body, StringComparison.Ordinal);
        Assert.Contains("<Resource>/some-bucket/key</Resource>", body, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("x-amz-request-id"));
    }

    [Fact]
    public async Task SignedRequest_ClockSkewedBy20Minutes_RequestTimeTooSkewed()
    {
        using var http = new HttpClient { BaseAddress = store.Endpoint };
        var when = TimeProvider.System.GetUtcNow().AddMinutes(-20);
        using var request = SignedGet(store.Endpoint, "/", when);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>RequestTimeTooSkewed</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, HttpStatusCode.OK)]
    [InlineData(-10, HttpStatusCode.Forbidden)]
    public async Task PresignedGet_SignedMinutesAgoFor5Minutes_ValidOrExpired(int minutesAgo, HttpStatusCode expected)
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" });
        using var http = new HttpClient();

        using var response = await http.GetAsync(Presign($"/{bucket}/k", TimeProvider.System.GetUtcNow().AddMinutes(minutesAgo), 300));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Preflight_FromBrowserOrigin_AllowedWithoutSignature()
    {
        using var http = new HttpClient { BaseAddress = store.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/bucket/key.mp4", UriKind.Relative));
        request.Headers.Add("Origin", "http://player.example");
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-amz-date");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://player.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Unsigned_Ok()
    {
        using var http = new HttpClient { BaseAddress = store.Endpoint };

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A presigned GET URL built with our own SigV4 primitives.</summary>
    private Uri Presign(string path, DateTimeOffset when, int expires)
    {
        var date = when.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var scope = $"{date}/ap-guangzhou/s3/aws4_request";
        var query = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Algorithm", SigV4.Algorithm),
            new("X-Amz-Credential", $"{store.Key.SecretId}/{scope}"),
            new("X-Amz-Date", SigV4.FormatTimestamp(when)),
            new("X-Amz-Expires", expires.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", "host"),
        };
        var host = $"{store.Endpoint.Host}:{store.Endpoint.Port}";
        var canonical = CanonicalRequest.Build(new SignedRequest("GET", path, query, n => n == "host" ? host : null), ["host"], "UNSIGNED-PAYLOAD");
        var signature = SigV4.Sign(SigV4.DeriveSigningKey(store.Key.SecretKey, date, "ap-guangzhou", "s3"), SigV4.StringToSign(when, scope, canonical));
        return new Uri(store.Endpoint, $"{path}?{CanonicalRequest.CanonicalQuery(query, null)}&X-Amz-Signature={signature}");
    }

    /// <summary>A GET signed by hand with our own SigV4 primitives (independent of the SDK's clock).</summary>
    private HttpRequestMessage SignedGet(Uri endpoint, string path, DateTimeOffset when)
    {
        var host = $"{endpoint.Host}:{endpoint.Port}";
        var headers = new Dictionary<string, string> { ["host"] = host, ["x-amz-content-sha256"] = SigV4.EmptySha256, ["x-amz-date"] = SigV4.FormatTimestamp(when) };
        var date = when.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var canonical = CanonicalRequest.Build(new SignedRequest("GET", path, [], n => headers.GetValueOrDefault(n)), [.. headers.Keys], SigV4.EmptySha256);
        var signature = SigV4.Sign(SigV4.DeriveSigningKey(store.Key.SecretKey, date, "ap-guangzhou", "s3"), SigV4.StringToSign(when, $"{date}/ap-guangzhou/s3/aws4_request", canonical));
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path));
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", SigV4.EmptySha256);
        request.Headers.TryAddWithoutValidation("x-amz-date", headers["x-amz-date"]);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            SigV4.Algorithm, $"Credential={store.Key.SecretId}/{date}/ap-guangzhou/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={signature}");
        return request;
    }
}
