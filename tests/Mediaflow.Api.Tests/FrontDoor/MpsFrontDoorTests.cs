using Mediaflow.Api.Tests.TestSupport;
using Mediaflow.Domain.Accounts;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Api.Tests.FrontDoor;

/// <summary>The front door over real HTTP: every bad input answers HTTP 200 + the MPS error envelope, and the server keeps serving.</summary>
public sealed class MpsFrontDoorTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string Notification = """{"Content":"{\"EventType\":\"ScheduleTask\",\"SessionId\":\"s-1\"}"}""";

    [Theory]
    [InlineData(SigningStyle.Node)]
    [InlineData(SigningStyle.Python)]
    public async Task Post_SignedLikeEachSdk_Answers(SigningStyle style)
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Body = Notification, Style = style });

        answer.AssertSuccess();
        Assert.Equal("ScheduleTask", answer.Response.GetProperty("EventType").GetString());
        Assert.Equal("s-1", answer.Response.GetProperty("SessionId").GetString());
    }

    [Fact]
    public async Task Post_WrongSignature_SignatureFailure()
    {
        var call = new MpsCall { Key = server.Credentials.CreateKey(), Body = Notification, SigningSecret = "wrong-secret" };

        (await server.SendAsync(call)).AssertError(ApiErrorCodes.SignatureFailure);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task Post_TamperedBody_SignatureFailure()
    {
        var call = new MpsCall
        {
            Key = server.Credentials.CreateKey(),
            Body = Notification,
            SentBody = Notification.Replace("s-1", "s-2", StringComparison.Ordinal),
        };

        (await server.SendAsync(call)).AssertError(ApiErrorCodes.SignatureFailure);
        await server.AssertStillServingAsync();
    }

    [Theory]
    [InlineData(-400)]
    [InlineData(400)]
    public async Task Post_TimestampOutside300Seconds_SignatureExpire(int skew)
    {
        var call = new MpsCall
        {
            Key = server.Credentials.CreateKey(),
            Body = Notification,
            Timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + skew,
        };

        (await server.SendAsync(call)).AssertError(ApiErrorCodes.SignatureExpire);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task Post_UnknownSecretId_SecretIdNotFound()
    {
        var stranger = new AccessKey(1250000001, "AKIDnotregistered", "secret", AccessKeyStatus.Enabled);

        (await server.SendAsync(new MpsCall { Key = stranger, Body = Notification })).AssertError(ApiErrorCodes.SecretIdNotFound);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task Post_DisabledKey_SecretIdNotFound()
    {
        var call = new MpsCall { Key = server.Credentials.CreateKey(AccessKeyStatus.Disabled), Body = Notification };

        (await server.SendAsync(call)).AssertError(ApiErrorCodes.SecretIdNotFound);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task Post_NoAuthorization_InvalidAuthorization()
    {
        var call = new MpsCall { Key = server.Credentials.CreateKey(), Body = Notification, Authorization = "" };

        (await server.SendAsync(call)).AssertError(ApiErrorCodes.InvalidAuthorization);
        await server.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("DescribeNothing")]
    [InlineData("parsenotification")]
    [InlineData(null)]
    public async Task Post_UnknownOrMissingAction_InvalidAction(string? action)
    {
        var call = new MpsCall { Key = server.Credentials.CreateKey(), Body = Notification, Action = action };

        (await server.SendAsync(call)).AssertError(ApiErrorCodes.InvalidAction);
        await server.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("2017-03-12")]
    [InlineData(null)]
    public async Task Post_WrongOrMissingVersion_NoSuchVersion(string? version)
    {
        var call = new MpsCall { Key = server.Credentials.CreateKey(), Body = Notification, Version = version };

        (await server.SendAsync(call)).AssertError(ApiErrorCodes.NoSuchVersion);
        await server.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("{\"Content\":")]
    [InlineData("not json")]
    [InlineData("{\"Content\":\"x\"}}")]
    public async Task Post_MalformedJson_InvalidParameter(string body)
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Body = body });

        answer.AssertError(ApiErrorCodes.InvalidParameter);
        await server.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public async Task Post_BodyNotAnObject_InvalidParameter(string body)
    {
        (await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Body = body })).AssertError(ApiErrorCodes.InvalidParameter);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task Post_FieldOfWrongType_InvalidParameterNamingTheField()
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Body = """{"Content":5}""" });

        answer.AssertError(ApiErrorCodes.InvalidParameter);
        Assert.Contains("Content", answer.ErrorMessage, StringComparison.Ordinal);
        await server.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Content":null}""")]
    [InlineData("")]
    public async Task Post_ParseNotificationWithoutContent_MissingParameter(string body)
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Body = body });

        answer.AssertError(ApiErrorCodes.MissingParameter);
        Assert.Equal("Content is required", answer.ErrorMessage);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task Post_UnknownFields_AreIgnored()
    {
        var body = """{"Content":"{\"EventType\":\"WorkflowTask\"}","FieldFromANewerSdk":{"A":1}}""";

        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Body = body });

        answer.AssertSuccess();
        Assert.Equal("WorkflowTask", answer.Response.GetProperty("EventType").GetString());
    }

    [Fact]
    public async Task Post_TraceId_IsEchoed()
    {
        var traceId = Guid.NewGuid().ToString();
        var call = new MpsCall { Key = server.Credentials.CreateKey(), Body = Notification, Headers = new Dictionary<string, string> { ["X-TC-TraceId"] = traceId } };

        var answer = (await server.SendAsync(call)).AssertSuccess();

        Assert.Equal(traceId, Assert.Single(answer.Headers.GetValues("X-TC-TraceId")));
    }

    [Fact]
    public async Task Post_EveryAnswer_HasItsOwnRequestId()
    {
        var key = server.Credentials.CreateKey();

        var first = (await server.SendAsync(new MpsCall { Key = key, Body = Notification })).AssertSuccess();
        var second = (await server.SendAsync(new MpsCall { Key = key, Body = "{}" })).AssertError(ApiErrorCodes.MissingParameter);

        Assert.NotEqual(first.Response.GetProperty("RequestId").GetString(), second.Response.GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task Post_UnsignedPayload_Accepted()
    {
        var call = new MpsCall { Key = server.Credentials.CreateKey(), Body = Notification, UnsignedPayload = true, Style = SigningStyle.Python };

        (await server.SendAsync(call)).AssertSuccess();
    }

    [Fact]
    public async Task Get_FlattenedQuery_Answers()
    {
        var query = "Content=" + Uri.EscapeDataString("""{"EventType":"EditMediaTask","Timestamp":1}""");
        var call = new MpsCall { Key = server.Credentials.CreateKey(), Method = "GET", Query = query, ContentType = "application/x-www-form-urlencoded" };

        var answer = (await server.SendAsync(call)).AssertSuccess();

        Assert.Equal("EditMediaTask", answer.Response.GetProperty("EventType").GetString());
        Assert.Equal(1, answer.Response.GetProperty("Timestamp").GetInt64());
    }

    [Fact]
    public async Task Post_HandlerThrowsUnexpectedly_InternalErrorWithoutDetails()
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Action = "MfTestThrows" });

        answer.AssertError(ApiErrorCodes.InternalError);
        Assert.DoesNotContain("secret", answer.ErrorMessage, StringComparison.Ordinal);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task Post_HandlerRefuses_ItsCodeAndMessage()
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Action = "MfTestRefuses" });

        answer.AssertError(ApiErrorCodes.ResourceInUse);
        Assert.Equal("Schedule 7 is enabled.", answer.ErrorMessage);
    }

    [Fact]
    public async Task Post_TypedAction_ReadsLongsAndEnumsAndPassesTheCaller()
    {
        var key = server.Credentials.CreateKey();

        var answer = (await server.SendAsync(new MpsCall { Key = key, Action = "MfTestEcho", Body = """{"Id":12345678901234567,"Kind":"Preset"}""" })).AssertSuccess();

        Assert.Equal(12345678901234567, answer.Response.GetProperty("Id").GetInt64());
        Assert.Equal("Preset", answer.Response.GetProperty("Kind").GetString());
        Assert.Equal(key.AppId, answer.Response.GetProperty("AppId").GetInt64());
        Assert.False(answer.Response.TryGetProperty("Note", out _), "null fields are omitted");
    }

    [Theory]
    [InlineData("""{"Id":"x"}""", "Id")]
    [InlineData("""{"Id":1.5}""", "Id")]
    [InlineData("""{"Id":1,"Kind":"Nope"}""", "Kind")]
    [InlineData("""{"Id":1,"Kind":1}""", "Kind")]
    [InlineData("""{"Id":1,"Note":[]}""", "Note")]
    public async Task Post_TypedActionWithMistypedField_InvalidParameter(string body, string field)
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Action = "MfTestEcho", Body = body });

        answer.AssertError(ApiErrorCodes.InvalidParameter);
        Assert.Contains(field, answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TypedActionWithoutRequiredField_MissingParameterNamingIt()
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Action = "MfTestEcho", Body = """{"Kind":"Custom"}""" });

        answer.AssertError(ApiErrorCodes.MissingParameter);
        Assert.Equal("Id is required", answer.ErrorMessage);
    }

    [Fact]
    public async Task Post_Refused_WireBodyIsTheMpsErrorEnvelope()
    {
        var answer = await server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Body = "{}" });

        Assert.Matches(
            """^\{"Response":\{"Error":\{"Code":"MissingParameter","Message":"Content is required"\},"RequestId":"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"\}\}$""",
            answer.Body);
    }

    [Fact]
    public async Task Healthz_Answers200()
    {
        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, "/healthz"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
