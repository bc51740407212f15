using System.Net;
using System.Text.Json;

namespace Mediaflow.Server.Tests.Support;

/// <summary>One MPS answer: HTTP status, the raw Content-Type and <c>Response</c> of the envelope.</summary>
public sealed record MpsReply(string Action, HttpStatusCode Status, string? ContentType, JsonElement Response)
{
    public string? ErrorCode => Response.TryGetProperty("Error", out var error) ? error.GetProperty("Code").GetString() : null;

    public string ErrorMessage => Response.TryGetProperty("Error", out var error) ? error.GetProperty("Message").GetString() ?? "" : "";

    /// <summary>Every answer, good or bad: HTTP 200, application/json, a uuid RequestId.</summary>
    public MpsReply AssertEnvelope()
    {
        Assert.Equal(HttpStatusCode.OK, Status);
        Assert.Equal("application/json", ContentType);
        Assert.True(Guid.TryParse(Response.GetProperty("RequestId").GetString(), out _), $"{Action}: RequestId is not a uuid");
        return this;
    }

    /// <summary>Asserts success and returns <c>Response</c>.</summary>
    public JsonElement Success()
    {
        AssertEnvelope();
        Assert.True(ErrorCode is null, $"{Action}: expected success, got {ErrorCode}: {ErrorMessage}");
        return Response;
    }

    /// <summary>Asserts an error envelope with exactly this code and a non-empty message.</summary>
    public MpsReply AssertError(string code)
    {
        AssertEnvelope();
        Assert.True(code == ErrorCode, $"{Action}: expected {code}, got {ErrorCode ?? "success"}: {ErrorMessage}");
        Assert.False(string.IsNullOrWhiteSpace(ErrorMessage), $"{Action}: {code} without a Message");
        return this;
    }
}
