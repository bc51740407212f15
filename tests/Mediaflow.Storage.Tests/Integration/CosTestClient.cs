using System.Globalization;
using Mediaflow.Domain.Accounts;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>
/// Sends requests as cos-nodejs-sdk-v5 does (mps-api.md §15): virtual-host Host header, q-sign over content-length,
/// content-md5 and host, connected to the store's loopback port.
/// </summary>
internal sealed class CosTestClient(Uri endpoint, AccessKey key, string bucket, string region) : IDisposable
{
    private readonly HttpClient http = new();

    public string Host => $"{bucket}.cos.{region}.myqcloud.com";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string key, string query = "", byte[]? body = null, IDictionary<string, string>? headers = null)
    {
        var target = "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString)) + (query.Length > 0 ? "?" + query : string.Empty);
        using var request = new HttpRequestMessage(method, new Uri(endpoint, target));
        request.Headers.Host = Host;
        var signedHeaders = new Dictionary<string, string>(StringComparer.Ordinal) { ["host"] = Host };
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentLength = body.Length;
            signedHeaders["content-length"] = body.Length.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }

            signedHeaders[name.ToLowerInvariant()] = value;
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty))
            .ToList();
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var keyTime = $"{now - 1};{now + 900}";
        var format = CosSignature.FormatString(method.Method, "/" + key, parameters, signedHeaders);
        var signature = CosSignature.Sign(Secret, keyTime, format);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"q-sign-algorithm=sha1&q-ak={Access}&q-sign-time={keyTime}&q-key-time={keyTime}&q-header-list={CosSignature.NameList(signedHeaders)}&q-url-param-list={CosSignature.NameList(parameters)}&q-signature={signature}");
        return await http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();

    private string Secret => key.SecretKey;

    private string Access => key.SecretId;
}
