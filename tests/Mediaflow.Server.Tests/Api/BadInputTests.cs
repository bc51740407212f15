using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Api;

/// <summary>
/// Bad requests through the real server: each is HTTP 200 with <c>{"Response":{"Error":{Code,Message},RequestId}}</c>
/// and the precise code (reference/mps-api.md §3, §16; DESIGN §7.5), and the server keeps serving after each.
/// </summary>
public sealed class BadInputTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Trans = """{"ActivityType":"action-trans","ReardriveIndex":[NEXT],"ActivityPara":{"TranscodeTask":{"Definition":100010}}}""";
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync() => bucket = await Buckets.CreateAsync(server, "bad");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Activities, the node the message must name, and a word the message must contain.</summary>
    public static TheoryData<string, int, string> InvalidDags => new()
    {
        // 1 → 2 → 1 hangs off nothing, so each has one predecessor and the cycle itself is what is wrong.
        { $$"""[{"ActivityType":"input","ReardriveIndex":[3]},{{T(2)}},{{T(1)}},{"ActivityType":"output"}]""", 1, "cycle" },
        { $$"""[{"ActivityType":"input","ReardriveIndex":[1]},{{T(7)}},{"ActivityType":"output"}]""", 1, "out of range" },
        { $$"""[{"ActivityType":"input","ReardriveIndex":[1]},{{T(3)}},{"ActivityType":"output"}]""", 1, "out of range" },
        {
            """[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"SampleSnapshotTask":{"Definition":10}}},{"ActivityType":"output"}]""",
            1, "ActivityPara"
        },
        {
            """[{"ActivityType":"input","ReardriveIndex":[1],"ActivityPara":{"TranscodeTask":{"Definition":100010}}},{"ActivityType":"output"}]""",
            0, "ActivityPara"
        },
        { $$"""[{"ActivityType":"input","ReardriveIndex":[2]},{"ActivityType":"input","ReardriveIndex":[2]},{{T(3)}},{"ActivityType":"output"}]""", 1, "input" },
    };

    [Theory]
    [MemberData(nameof(InvalidDags))]
    public async Task CreateSchedule_InvalidDag_InvalidParameterValueNamingTheNode(string activities, int node, string word)
    {
        var reply = await Mps.SendAsync("CreateSchedule", ScheduleJson("dag-" + node, bucket, activities));

        reply.AssertError("InvalidParameterValue");
        Assert.StartsWith($"Activities[{node}]: ", reply.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(word, reply.ErrorMessage, StringComparison.Ordinal);
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task CreateSchedule_UnknownTemplate_InvalidDefinition()
    {
        (await Mps.CallAsync("CreateSchedule", Orchestrations.Schedule("unknown-template", bucket, "/in/", Orchestrations.Transcodes(99_999_999))))
            .AssertError("InvalidParameterValue.Definition");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task CreateSchedule_TriggerBucketMissing_CosBucketNotExist()
    {
        (await Mps.CallAsync("CreateSchedule", Orchestrations.Schedule("no-bucket", bucket + "-gone", "/in/", Orchestrations.Transcodes(100010))))
            .AssertError("ResourceNotFound.CosBucketNotExist");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task CreateSchedule_DuplicateName_InvalidName()
    {
        var name = "dup-" + bucket;
        await Mps.CreateScheduleAsync(Orchestrations.Schedule(name, bucket, "/a/", Orchestrations.Transcodes(100010)));

        (await Mps.CallAsync("CreateSchedule", Orchestrations.Schedule(name, bucket, "/b/", Orchestrations.Transcodes(100010))))
            .AssertError("InvalidParameterValue.Name");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task CreateSchedule_NameWithSpace_InvalidName()
    {
        (await Mps.CallAsync("CreateSchedule", Orchestrations.Schedule("my schedule", bucket, "/in/", Orchestrations.Transcodes(100010))))
            .AssertError("InvalidParameterValue.Name");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task ModifyAndDeleteSchedule_WhileEnabled_ResourceInUse()
    {
        var id = await Mps.CreateScheduleAsync(Orchestrations.Schedule("enabled-" + bucket, bucket, "/in/", Orchestrations.Transcodes(100010)));
        await Mps.OkAsync("EnableSchedule", new { ScheduleId = id });

        (await Mps.CallAsync("ModifySchedule", new { ScheduleId = id, ScheduleName = "renamed-" + bucket })).AssertError("ResourceInUse");
        await Mps.AssertStillServingAsync();
        (await Mps.CallAsync("DeleteSchedule", new { ScheduleId = id })).AssertError("ResourceInUse");
        await Mps.AssertStillServingAsync();

        await Mps.OkAsync("DisableSchedule", new { ScheduleId = id });
        await Mps.OkAsync("ModifySchedule", new { ScheduleId = id, ScheduleName = "renamed-" + bucket });
        await Mps.OkAsync("DeleteSchedule", new { ScheduleId = id });
        var left = await Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { id } });
        Assert.Equal(0, left.GetProperty("TotalCount").GetInt64());
    }

    [Fact]
    public async Task CreateSchedule_WithoutTrigger_MissingParameter()
    {
        var body = JsonNode.Parse(ScheduleJson("no-trigger", bucket, Orchestrations.Transcodes(100010)))!.AsObject();
        body.Remove("Trigger");

        var reply = (await Mps.SendAsync("CreateSchedule", body.ToJsonString())).AssertError("MissingParameter");

        Assert.Contains("Trigger", reply.ErrorMessage, StringComparison.Ordinal);
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task AnyAction_MalformedJson_InvalidParameter()
    {
        (await Mps.SendAsync("DescribeSchedules", """{"Limit": 1,""")).AssertError("InvalidParameter");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task AnyAction_WrongVersion_NoSuchVersion()
    {
        (await Mps.SendAsync("DescribeSchedules", "{}", version: "2017-03-12")).AssertError("NoSuchVersion");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task UnknownAction_InvalidAction()
    {
        (await Mps.CallAsync("DescribeEverything")).AssertError("InvalidAction");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task DescribeTaskDetail_UnknownTaskId_InvalidTaskId()
    {
        (await Mps.CallAsync("DescribeTaskDetail", new { TaskId = $"{server.Account.AppId}-ScheduleTask-{new string('0', 32)}" }))
            .AssertError("InvalidParameterValue.TaskId");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task ProcessMedia_UrlInput_UnsupportedOperation()
    {
        var request = new
        {
            InputInfo = new { Type = "URL", UrlInputInfo = new { Url = "http://127.0.0.1:1/clip.mp4" } },
            OutputStorage = Orchestrations.Output(bucket),
            Activities = Orchestrations.Transcodes(100010),
        };

        (await Mps.CallAsync("ProcessMedia", request)).AssertError("UnsupportedOperation");
        await Mps.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("DescribeTranscodeTemplates", "TranscodeTemplateSet")]
    [InlineData("DescribeSchedules", "ScheduleInfoSet")]
    public async Task Describe_OffsetBeyondInt32_EmptyPage(string action, string set)
    {
        await Mps.CreateScheduleAsync(Orchestrations.Schedule("offset-" + bucket, bucket, "/in/", Orchestrations.Transcodes(100010)));

        var page = await Mps.OkAsync(action, new { Offset = 4_294_967_296L, Limit = 10 });

        Assert.True(page.GetProperty("TotalCount").GetInt64() > 0);
        Assert.Empty(page.GetProperty(set).EnumerateArray());
    }

    private static string T(int successor) => Trans.Replace("NEXT", successor.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string ScheduleJson(string name, string bucket, string activitiesJson)
    {
        var body = JsonSerializer.SerializeToNode(Orchestrations.Schedule(name, bucket, "/in/", []), MpsClient.Json)!.AsObject();
        body["Activities"] = JsonNode.Parse(activitiesJson);
        return body.ToJsonString();
    }

    private static string ScheduleJson(string name, string bucket, object[] activities) =>
        JsonSerializer.Serialize(Orchestrations.Schedule(name, bucket, "/in/", activities), MpsClient.Json);
}
