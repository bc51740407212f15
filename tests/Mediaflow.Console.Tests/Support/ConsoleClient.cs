using System.Net;
using System.Text;
using System.Text.Json;

namespace Mediaflow.ConsoleTests.Support;

/// <summary>A browser-like client of the console API: a cookie jar, the CSRF header once signed in, JSON bodies.</summary>
public sealed class ConsoleClient : IDisposable
{
    private readonly HttpClient http;

    public ConsoleClient(Uri api)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = api };
    }

    public CookieContainer Cookies { get; }

    public string? Csrf { get; set; }

    public async Task<HttpResponseMessage> SignInAsync(object credentials)
    {
        using var body = Json(credentials);
        var response = await http.PostAsync(new Uri("/console/api/session", UriKind.Relative), body);
        if (response.IsSuccessStatusCode)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Csrf = json.RootElement.GetProperty("CsrfToken").GetString();
        }

        return response;
    }

    public async Task SignInAsync(AccountKey key)
    {
        using var response = await SignInAsync(new { key.SecretId, key.SecretKey });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, bool withCsrf = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (withCsrf && Csrf is not null)
        {
            request.Headers.Add("X-Mf-Csrf", Csrf);
        }

        return await http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetRangeAsync(string path, long from, long to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(from, to);
        return await http.SendAsync(request);
    }

    /// <summary>An MPS action through the console; returns <c>Response</c> (with <c>Error</c> when refused).</summary>
    public async Task<JsonElement> MpsAsync(string action, object? body = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/console/api/mps/{action}", Json(body ?? new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("Response").Clone();
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body, MpsClient.Json), Encoding.UTF8, "application/json");

    public void Dispose() => http.Dispose();
}
