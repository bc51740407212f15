using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Api.Tests.TestSupport;

namespace Mediaflow.Api.Tests.Notifications;

/// <summary>ParseNotification over real HTTP, with and without the MfNotifyKey extension (DESIGN §7.6).</summary>
public sealed class ParseNotificationTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string InvalidContent = "InvalidParameterValue.InvalidContent";

    [Fact]
    public async Task ParseNotification_ScheduleTaskEvent_ReturnsEveryFieldAndThePayloadUntouched()
    {
        var timestamp = Now() + 600;
        var scheduleTask = new JsonObject
        {
            ["TaskId"] = "1250000000-ScheduleTask-0123456789abcdef0123456789abcdef",
            ["Status"] = "FINISH",
            ["ErrCode"] = 0,
            ["ActivityResultSet"] = new JsonArray(new JsonObject { ["ActivityType"] = "action-trans", ["Size"] = 12345678901234 }),
            ["FieldFromTheFuture"] = new JsonObject { ["Nested"] = true },
        };
        var content = new JsonObject
        {
            ["EventType"] = "ScheduleTask",
            ["ScheduleTaskEvent"] = scheduleTask.DeepClone(),
            ["WorkflowTaskEvent"] = null,
            ["SessionId"] = "session-1",
            ["SessionContext"] = "ctx 中文",
            ["Timestamp"] = timestamp,
            ["Sign"] = Md5(timestamp + "k"),
        };

        var answer = (await ParseAsync(content.ToJsonString(), notifyKey: "k")).AssertSuccess();

        var response = answer.Response;
        Assert.Equal("ScheduleTask", response.GetProperty("EventType").GetString());
        Assert.True(JsonNode.DeepEquals(scheduleTask, JsonNode.Parse(response.GetProperty("ScheduleTaskEvent").GetRawText())));
        Assert.Equal("session-1", response.GetProperty("SessionId").GetString());
        Assert.Equal("ctx 中文", response.GetProperty("SessionContext").GetString());
        Assert.Equal(timestamp, response.GetProperty("Timestamp").GetInt64());
        Assert.Equal(Md5(timestamp + "k"), response.GetProperty("Sign").GetString());
        Assert.False(response.TryGetProperty("WorkflowTaskEvent", out _), "absent events are omitted");
    }

    [Fact]
    public async Task ParseNotification_WithoutNotifyKey_DoesNotCheckSign()
    {
        var content = $$"""{"EventType":"WorkflowTask","WorkflowTaskEvent":{"TaskId":"t"},"Timestamp":1,"Sign":"garbage"}""";

        var answer = (await ParseAsync(content)).AssertSuccess();

        Assert.Equal("t", answer.Response.GetProperty("WorkflowTaskEvent").GetProperty("TaskId").GetString());
    }

    [Fact]
    public async Task ParseNotification_EmptyNotifyKey_VerifiesAgainstEmptyKey()
    {
        var timestamp = Now() + 600;

        (await ParseAsync(Content(timestamp, Md5(timestamp.ToString(CultureInfo.InvariantCulture))), notifyKey: "")).AssertSuccess();
    }

    [Fact]
    public async Task ParseNotification_SignFromAnotherKey_InvalidContent()
    {
        var timestamp = Now() + 600;

        (await ParseAsync(Content(timestamp, Md5(timestamp + "other")), notifyKey: "k")).AssertError(InvalidContent);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task ParseNotification_ExpiredTimestamp_InvalidContent()
    {
        var timestamp = Now() - 60;

        (await ParseAsync(Content(timestamp, Md5(timestamp + "k")), notifyKey: "k")).AssertError(InvalidContent);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task ParseNotification_NotifyKeyButNoSign_InvalidContent()
    {
        (await ParseAsync($$"""{"EventType":"ScheduleTask","Timestamp":{{Now() + 600}}}""", notifyKey: "k")).AssertError(InvalidContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("""{"EventType":5}""")]
    [InlineData("""{"ScheduleTaskEvent":"not an object"}""")]
    [InlineData("""{"Timestamp":"soon"}""")]
    public async Task ParseNotification_ContentNotANotification_InvalidContent(string content)
    {
        (await ParseAsync(content)).AssertError(InvalidContent);
        await server.AssertStillServingAsync();
    }

    private static string Content(long timestamp, string sign) =>
        $$"""{"EventType":"ScheduleTask","ScheduleTaskEvent":{"TaskId":"t"},"Timestamp":{{timestamp}},"Sign":"{{sign}}"}""";

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private Task<MpsAnswer> ParseAsync(string content, string? notifyKey = null)
    {
        var body = new JsonObject { ["Content"] = content };
        if (notifyKey is not null)
        {
            body["MfNotifyKey"] = notifyKey;
        }

        return server.SendAsync(new MpsCall { Key = server.Credentials.CreateKey(), Body = body.ToJsonString() });
    }
}
