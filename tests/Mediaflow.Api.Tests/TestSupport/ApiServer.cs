using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mediaflow.Domain.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Api.Tests.TestSupport;

/// <summary>The real API on Kestrel at 127.0.0.1:0 with an in-memory key store and the real clock.</summary>
public sealed class ApiServer : IAsyncLifetime
{
    private WebApplication? app;

    public TestCredentials Credentials { get; } = new();

    public HttpClient Http { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ICredentialLookup>(Credentials);
        builder.Services.AddSingleton(TestActions.Table()); // before AddMediaflowApi, which only adds the table when none is registered
        builder.Services.AddMediaflowApi();
        app = builder.Build();
        app.MapMediaflowApi();
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    public async Task<MpsAnswer> SendAsync(MpsCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var timestamp = call.Timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var signedBody = call.Method == "GET" ? [] : Encoding.UTF8.GetBytes(call.Body);
        var sentBody = call.SentBody is null ? signedBody : Encoding.UTF8.GetBytes(call.SentBody);
        var authority = BaseAddress.Authority; // 127.0.0.1:port
        var (service, signedHost) = call.Style == SigningStyle.Node ? ("127", BaseAddress.Host) : ("mps", authority);
        var authorization = call.Authorization ?? TestTc3Signer.Authorization(
            call.Key.SecretId,
            call.SigningSecret ?? call.Key.SecretKey,
            timestamp,
            service,
            signedHost,
            call.ContentType,
            signedBody,
            call.Method,
            call.Query,
            call.UnsignedPayload);

        using var request = new HttpRequestMessage(new HttpMethod(call.Method), new Uri(BaseAddress, call.Query.Length == 0 ? "/" : "/?" + call.Query));
        request.Content = new ByteArrayContent(sentBody);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(call.ContentType);
        AddHeader(request, "X-TC-Action", call.Action);
        AddHeader(request, "X-TC-Version", call.Version);
        AddHeader(request, "X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        AddHeader(request, "X-TC-Region", "ap-guangzhou");
        AddHeader(request, "Authorization", authorization.Length == 0 ? null : authorization);
        if (call.UnsignedPayload)
        {
            AddHeader(request, "X-TC-Content-SHA256", "UNSIGNED-PAYLOAD");
        }

        foreach (var (name, value) in call.Headers)
        {
            AddHeader(request, name, value);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : null;
        using var document = JsonDocument.Parse(text);
        return new MpsAnswer(response.StatusCode, contentType, text, document.RootElement.GetProperty("Response").Clone(), response.Headers);
    }

    /// <summary>A good request after a bad one: the server must still answer normally.</summary>
    public async Task AssertStillServingAsync()
    {
        var answer = await SendAsync(new MpsCall { Key = Credentials.CreateKey(), Body = """{"Content":"{\"EventType\":\"ScheduleTask\"}"}""" });
        answer.AssertSuccess();
        Assert.Equal("ScheduleTask", answer.Response.GetProperty("EventType").GetString());
    }

    private static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
