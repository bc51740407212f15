using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Server.Tests.Support;

/// <summary>
/// A small MPS API 3.0 client over HttpClient: JSON body, TC3-HMAC-SHA256 signed by the independent test signer
/// (host with port, service <c>mps</c>, as the Python and Go SDKs sign). Helpers for the calls the tests repeat are in
/// <c>MpsClient.Tasks.cs</c>.
/// </summary>
public sealed partial class MpsClient(HttpClient http, Uri api, AccountKey key, Func<int, string> serverLog)
{
    public const string Version = "2019-06-12";

    /// <summary>PascalCase as declared (anonymous objects mirror the wire), nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public AccountKey Key => key;

    public Task<MpsReply> CallAsync(string action, object? parameters = null) =>
        SendAsync(action, JsonSerializer.Serialize(parameters ?? new { }, Json));

    /// <summary>Sends <paramref name="body"/> as is (signed correctly), so a test can send malformed JSON or a wrong version.</summary>
    public async Task<MpsReply> SendAsync(string action, string body, string version = Version)
    {
        var payload = Encoding.UTF8.GetBytes(body);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, "/"));
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-TC-Action", action);
        request.Headers.TryAddWithoutValidation("X-TC-Version", version);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("X-TC-Region", "ap-guangzhou");
        request.Headers.TryAddWithoutValidation("Authorization",
            TestTc3Signer.Authorization(key.SecretId, key.SecretKey, timestamp, "mps", api.Authority, "application/json", payload));

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return new MpsReply(action, response.StatusCode, response.Content.Headers.ContentType?.ToString(), document.RootElement.GetProperty("Response").Clone());
    }

    /// <summary>Calls and asserts success.</summary>
    public async Task<JsonElement> OkAsync(string action, object? parameters = null) => (await CallAsync(action, parameters)).Success();

    /// <summary>A cheap good request: after every bad one the server must still answer normally.</summary>
    public async Task AssertStillServingAsync() => Assert.True((await OkAsync("DescribeSchedules", new { Limit = 1 })).TryGetProperty("TotalCount", out _));
}
