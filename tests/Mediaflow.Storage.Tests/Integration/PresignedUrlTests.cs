using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>
/// Presigned URLs other than SigV4's: signature V2 (s3cmd signurl) and COS q-sign fields in the query
/// (cos-nodejs-sdk-v5 getObjectUrl with Sign). Signed here by hand, the way those clients sign.
/// </summary>
public sealed class PresignedUrlTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("presigned body");

    private async Task<string> PutObjectAsync(string bucket, string key)
    {
        using var s3 = store.Client();
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(Body) });
        return key;
    }

    private string SigV2Url(string resource, long expires, string? secret = null)
    {
        var stringToSign = $"GET\n\n\n{expires}\n{resource}";
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret ?? store.Key.SecretKey), Encoding.UTF8.GetBytes(stringToSign)));
        return $"{resource}?AWSAccessKeyId={store.Key.SecretId}&Expires={expires}&Signature={Uri.EscapeDataString(signature)}";
    }

    private static long UnixNow(int offsetSeconds) => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds;

    [Fact]
    public async Task GetObject_SigV2PresignedUrl_ServesTheObject()
    {
        var bucket = StoreFixture.NewBucketName();
        var key = await PutObjectAsync(bucket, "dir/a b.txt");
        using var http = new HttpClient { BaseAddress = store.Endpoint };

        using var response = await http.GetAsync(new Uri(SigV2Url($"/{bucket}/dir/a%20b.txt", UnixNow(600)), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Body, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("dir/a b.txt", key);
    }

    [Fact]
    public async Task GetObject_SigV2PresignedUrlForAnotherKey_SignatureDoesNotMatch()
    {
        var bucket = StoreFixture.NewBucketName();
        await PutObjectAsync(bucket, "a.txt");
        await PutObjectAsync(bucket + "x", "b.txt");
        using var http = new HttpClient { BaseAddress = store.Endpoint };
        var url = SigV2Url($"/{bucket}/a.txt", UnixNow(600)).Replace($"/{bucket}/a.txt?", $"/{bucket}x/b.txt?", StringComparison.Ordinal);

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetObject_ExpiredSigV2PresignedUrl_AccessDenied()
    {
        var bucket = StoreFixture.NewBucketName();
        await PutObjectAsync(bucket, "a.txt");
        using var http = new HttpClient { BaseAddress = store.Endpoint };

        using var response = await http.GetAsync(new Uri(SigV2Url($"/{bucket}/a.txt", UnixNow(-60)), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutObject_SigV2PresignedUrl_AccessDenied()
    {
        var bucket = StoreFixture.NewBucketName();
        await PutObjectAsync(bucket, "a.txt");
        using var http = new HttpClient { BaseAddress = store.Endpoint };

        using var response = await http.PutAsync(new Uri(SigV2Url($"/{bucket}/a.txt", UnixNow(600)), UriKind.Relative), new ByteArrayContent([1, 2, 3]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private string CosQuery(string host, string key, long start, long end, string? secret = null)
    {
        var keyTime = string.Create(CultureInfo.InvariantCulture, $"{start};{end}");
        var headers = new List<KeyValuePair<string, string>> { KeyValuePair.Create("host", host) };
        var format = CosSignature.FormatString("get", "/" + key, [], headers);
        var signature = CosSignature.Sign(secret ?? store.Key.SecretKey, keyTime, format);
        return $"q-sign-algorithm=sha1&q-ak={store.Key.SecretId}&q-sign-time={keyTime}&q-key-time={keyTime}&q-header-list=host&q-url-param-list=&q-signature={signature}";
    }

    private async Task<HttpResponseMessage> CosGetAsync(string host, string key, string query)
    {
        using var http = new HttpClient { BaseAddress = store.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/{key}?{query}", UriKind.Relative));
        request.Headers.Host = host;
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task GetObject_CosQuerySignature_ServesTheObject()
    {
        var bucket = $"presign-{StoreFixture.AppId}";
        await PutObjectAsync(bucket, "docs/a.txt");
        var host = $"{bucket}.cos.ap-guangzhou.myqcloud.com";

        using var response = await CosGetAsync(host, "docs/a.txt", CosQuery(host, "docs/a.txt", UnixNow(-10), UnixNow(600)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Body, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetObject_CosQuerySignatureWrongSecret_SignatureDoesNotMatch()
    {
        var bucket = $"presign2-{StoreFixture.AppId}";
        await PutObjectAsync(bucket, "docs/a.txt");
        var host = $"{bucket}.cos.ap-guangzhou.myqcloud.com";

        using var response = await CosGetAsync(host, "docs/a.txt", CosQuery(host, "docs/a.txt", UnixNow(-10), UnixNow(600), secret: "not-the-secret"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetObject_ExpiredCosQuerySignature_AccessDenied()
    {
        var bucket = $"presign3-{StoreFixture.AppId}";
        await PutObjectAsync(bucket, "docs/a.txt");
        var host = $"{bucket}.cos.ap-guangzhou.myqcloud.com";

        using var response = await CosGetAsync(host, "docs/a.txt", CosQuery(host, "docs/a.txt", UnixNow(-700), UnixNow(-100)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
