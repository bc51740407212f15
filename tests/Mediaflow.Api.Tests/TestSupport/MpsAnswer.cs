using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Mediaflow.Api.Tests.TestSupport;

/// <summary>What came back: status, the raw Content-Type header, the raw body and <c>Response</c> of the envelope.</summary>
public sealed record MpsAnswer(HttpStatusCode Status, string? ContentType, string Body, JsonElement Response, HttpResponseHeaders Headers)
{
    public string? ErrorCode =>
        Response.TryGetProperty("Error", out var error) ? error.GetProperty("Code").GetString() : null;

    public string? ErrorMessage =>
        Response.TryGetProperty("Error", out var error) ? error.GetProperty("Message").GetString() : null;

    /// <summary>Asserts the envelope every answer must have: HTTP 200, exactly application/json, a uuid RequestId.</summary>
    public MpsAnswer AssertEnvelope()
    {
        Assert.Equal(HttpStatusCode.OK, Status);
        Assert.Equal("application/json", ContentType);
        Assert.True(Guid.TryParse(Response.GetProperty("RequestId").GetString(), out _), "RequestId is a uuid");
        return this;
    }

    public MpsAnswer AssertError(string code)
    {
        AssertEnvelope();
        Assert.Equal(code, ErrorCode);
        Assert.False(string.IsNullOrEmpty(ErrorMessage));
        return this;
    }

    public MpsAnswer AssertSuccess()
    {
        AssertEnvelope();
        Assert.True(ErrorCode is null, $"expected success, got {ErrorCode}: {ErrorMessage}");
        return this;
    }
}
