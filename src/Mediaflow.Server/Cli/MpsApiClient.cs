using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Api.FrontDoor;
using Mediaflow.Api.Signing;

namespace Mediaflow.Server.Cli;

/// <summary>
/// A minimal TC3-signed client for CLI commands that act through the running server's API (as any SDK would), so the
/// CLI can do nothing the API cannot. Signs content-type and host, service <c>mps</c>, Version 2019-06-12.
/// </summary>
public sealed class MpsApiClient(Uri endpoint, string secretId, string secretKey, TimeProvider time) : IDisposable
{
    private const string Service = "mps";
    private const string ContentType = "application/json; charset=utf-8";
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Calls an action and returns its <c>Response</c> object; an API error becomes <see cref="MpsCallException"/>.</summary>
    public async Task<JsonObject> CallAsync(string action, object request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(request);
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var date = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var canonicalHeaders = $"content-type:{ContentType}\nhost:{host}\n";
        var canonicalRequest = Tc3Signature.CanonicalRequest("POST", "", canonicalHeaders, "content-type;host", Tc3Signature.Sha256Hex(Encoding.UTF8.GetBytes(body)));
        var signature = Tc3Signature.Sign(Tc3Signature.SigningKey(secretKey, date, Service), Tc3Signature.StringToSign(timestamp, date, Service, canonicalRequest));

        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("Authorization",
            $"{Tc3Signature.Algorithm} Credential={secretId}/{date}/{Service}/tc3_request, SignedHeaders=content-type;host, Signature={signature}");
        message.Headers.TryAddWithoutValidation("X-TC-Action", action);
        message.Headers.TryAddWithoutValidation("X-TC-Version", MpsFrontDoor.Version);
        message.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp);
        using var response = await http.SendAsync(message, cancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["Response"]?.AsObject()
            ?? throw new MpsCallException("InternalError", $"HTTP {(int)response.StatusCode}: no Response object");
        if (answer["Error"] is JsonObject error)
        {
            throw new MpsCallException(error["Code"]?.GetValue<string>() ?? "", error["Message"]?.GetValue<string>() ?? "");
        }

        return answer;
    }

    public void Dispose() => http.Dispose();
}
