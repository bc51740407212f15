using System.Net;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>COS GET Service: cos-nodejs-sdk-v5's getService sends Host: service.cos.myqcloud.com and path /.</summary>
public sealed class CosServiceTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task GetService_ServiceHost_ListsTheCallersBuckets()
    {
        var bucket = $"svc-{Guid.NewGuid().ToString("N")[..8]}-{StoreFixture.AppId}";
        using (var s3 = store.Client())
        {
            await s3.PutBucketAsync(bucket);
        }

        const string host = "service.cos.myqcloud.com";
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var keyTime = $"{now - 1};{now + 600}";
        var headers = new List<KeyValuePair<string, string>> { KeyValuePair.Create("host", host) };
        var signature = CosSignature.Sign(store.Key.SecretKey, keyTime, CosSignature.FormatString("get", "/", [], headers));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, store.Endpoint);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization",
            $"q-sign-algorithm=sha1&q-ak={store.Key.SecretId}&q-sign-time={keyTime}&q-key-time={keyTime}&q-header-list=host&q-url-param-list=&q-signature={signature}");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<Name>{bucket}</Name>", body, StringComparison.Ordinal);
    }
}
