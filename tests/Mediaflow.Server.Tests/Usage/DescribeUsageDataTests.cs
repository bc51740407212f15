using System.Globalization;
using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Usage;

/// <summary>
/// DescribeUsageData over real tasks (docs/usage.md; DESIGN §7.7): output seconds and image counts of successful nodes by
/// type, specification and band; a failed node and the node skipped below it count nothing; filters and account scope.
/// </summary>
public sealed class DescribeUsageDataTests(DescribeUsageDataTests.UsageServer server) : IClassFixture<DescribeUsageDataTests.UsageServer>
{
    private const string Key = "in/clip.mp4";
    private const string CostCentre = "cc-video-7";
    private static readonly string[] TwoOffsets = ["0.5s", "1s"];
    private static readonly string[] PastTheEnd = ["9s"];
    private static readonly string[] SnapshotType = ["Snapshot"];
    private static readonly string[] OurCentre = [CostCentre];
    private static readonly string[] NoSuchCentre = ["no-such-centre"];
    private static readonly string[] AllTypes = ["Transcode", "Snapshot", "AnimatedGraphics", "AIAnalysis", "AIRecognition", "AIReview", "AiQualityControl"];

    private MpsClient Mps => server.Mps;

    /// <summary>A server on which the scenario task runs once for the whole class, on first use (tests read its usage, none writes any).</summary>
    public sealed class UsageServer : MediaflowServer
    {
        private readonly Lazy<Task<(long ScheduleId, JsonElement Detail)>> scenario;

        public UsageServer() => scenario = new(() => RunScenarioAsync(this));

        public Task<(long ScheduleId, JsonElement Detail)> ScenarioAsync() => scenario.Value;
    }

    private static async Task<(long, JsonElement)> RunScenarioAsync(MediaflowServer server)
    {
        var bucket = await Buckets.CreateAsync(server, "usage");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 2);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
        object[] activities =
        [
            new { ActivityType = "input", ReardriveIndex = new[] { 1, 2, 3, 6 } },
            new { ActivityType = "action-trans", ReardriveIndex = new[] { 5 }, ActivityPara = new { TranscodeTask = new { Definition = 100010 } } },
            new { ActivityType = "action-snapshotByTimeOffset", ReardriveIndex = new[] { 5 }, ActivityPara = new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = TwoOffsets } } },
            new { ActivityType = "action-snapshotByTimeOffset", ReardriveIndex = new[] { 4 }, ActivityPara = new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = PastTheEnd } } },
            new { ActivityType = "action-trans", ReardriveIndex = new[] { 5 }, ActivityPara = new { TranscodeTask = new { Definition = 100020 } } },
            new { ActivityType = "output" },
            new { ActivityType = "action-trans", ReardriveIndex = new[] { 5 }, ActivityPara = new { TranscodeTask = new { Definition = 1010 } } },
        ];
        var schedule = new
        {
            ScheduleName = "usage-" + bucket,
            Trigger = new { Type = "CosFileUpload", CosFileUploadTrigger = new { Bucket = bucket, Region = Orchestrations.Region, Dir = "/in/", Formats = new[] { "mp4" } } },
            Activities = activities,
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/out/",
            ResourceId = CostCentre,
        };
        var scheduleId = await server.Mps.CreateScheduleAsync(schedule);
        var detail = await server.Mps.WaitForFinishAsync(await server.Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, Key), ScheduleId = scheduleId }));
        return (scheduleId, detail);
    }

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static (string Start, string End) Today()
    {
        var now = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        return (Iso(now.AddDays(-1)), Iso(now.AddDays(1)));
    }

    private static JsonElement Result(JsonElement detail, int index, string member) =>
        detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray()
            .Single(r => r.GetProperty("MfActivityIndex").GetInt32() == index).GetProperty("ActivityResItem").GetProperty(member);

    private static async Task<JsonElement> UsageAsync(MpsClient client, object? filters = null, string[]? types = null)
    {
        var (start, end) = Today();
        var body = new Dictionary<string, object> { ["StartTime"] = start, ["EndTime"] = end, ["Types"] = types ?? AllTypes };
        foreach (var property in (filters ?? new { }).GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(filters)!;
        }

        return await client.OkAsync("DescribeUsageData", body);
    }

    private static JsonElement TypeData(JsonElement usage, string type) =>
        usage.GetProperty("Data").EnumerateArray().Single(d => d.GetProperty("TaskType").GetString() == type);

    private static (long Count, double Usage) Total(JsonElement items) =>
        (items.EnumerateArray().Sum(i => i.GetProperty("Count").GetInt64()), items.EnumerateArray().Sum(i => i.GetProperty("Usage").GetDouble()));

    private static JsonElement Group(JsonElement usage, string by, string key) =>
        usage.GetProperty("MfBreakdown").GetProperty(by).EnumerateArray().Single(g => g.GetProperty("Key").GetString() == key);

    [Fact]
    public async Task DescribeUsageData_AfterATask_SecondsMatchOutputsAndFailedOrSkippedNodesCountNothing()
    {
        var (scheduleId, detail) = await server.ScenarioAsync();
        var video = Result(detail, 1, "TranscodeTask");
        var audio = Result(detail, 6, "TranscodeTask");
        Assert.True(video.GetProperty("Status").GetString() == "SUCCESS", video.ToString());
        Assert.True(audio.GetProperty("Status").GetString() == "SUCCESS", audio.ToString());
        Assert.Equal("SUCCESS", Result(detail, 2, "SnapshotByTimeOffsetTask").GetProperty("Status").GetString());
        Assert.Equal("FAIL", Result(detail, 3, "SnapshotByTimeOffsetTask").GetProperty("Status").GetString());
        Assert.Equal("SKIPPED", Result(detail, 4, "TranscodeTask").GetProperty("Status").GetString());
        var videoSeconds = video.GetProperty("Output").GetProperty("Duration").GetDouble();
        var audioSeconds = audio.GetProperty("Output").GetProperty("Duration").GetDouble();
        var shortSide = Math.Min(video.GetProperty("Output").GetProperty("Width").GetInt64(), video.GetProperty("Output").GetProperty("Height").GetInt64());
        var band = shortSide <= 480 ? "SD" : shortSide <= 720 ? "HD" : "FHD";

        var usage = await UsageAsync(Mps, new { MfScheduleIds = new[] { scheduleId } });

        var transcode = TypeData(usage, "Transcode");
        Assert.Equal("Seconds", transcode.GetProperty("MfUsageUnit").GetString());
        var (count, seconds) = Total(transcode.GetProperty("Summary"));
        Assert.Equal(2, count); // the skipped 100020 is not counted
        Assert.Equal(videoSeconds + audioSeconds, seconds, 0.002);
        var details = transcode.GetProperty("Details").EnumerateArray().ToDictionary(d => d.GetProperty("Specification").GetString()!, d => Total(d.GetProperty("Data")));
        Assert.Equal("h264", video.GetProperty("Output").GetProperty("VideoStreamSet")[0].GetProperty("Codec").GetString());
        Assert.Equal(["Audio", "Standard.H264." + band], details.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(audioSeconds, details["Audio"].Usage, 0.001);
        Assert.Equal(videoSeconds, details["Standard.H264." + band].Usage, 0.001);

        var snapshot = TypeData(usage, "Snapshot");
        Assert.Equal("Images", snapshot.GetProperty("MfUsageUnit").GetString());
        Assert.Equal((1L, 2.0), Total(snapshot.GetProperty("Summary"))); // the failed node's would-be image is not counted
        Assert.Equal("SnapshotByTime", Assert.Single(snapshot.GetProperty("Details").EnumerateArray()).GetProperty("Specification").GetString());
        Assert.Equal((0L, 0.0), Total(TypeData(usage, "AiQualityControl").GetProperty("Summary")));

        var byType = usage.GetProperty("MfBreakdown").GetProperty("ByNodeType").EnumerateArray().Select(g => g.GetProperty("Key").GetString()).ToList();
        Assert.Equal(["action-snapshotByTimeOffset", "action-trans"], byType);
        Assert.Equal(2, Group(usage, "ByNodeType", "action-snapshotByTimeOffset").GetProperty("Images").GetInt64());
        Assert.Equal(videoSeconds + audioSeconds, Group(usage, "BySchedule", scheduleId.ToString(CultureInfo.InvariantCulture)).GetProperty("Seconds").GetDouble(), 0.002);
        Assert.Equal(3, Group(usage, "ByResource", CostCentre).GetProperty("Count").GetInt64());
        Assert.Equal(audioSeconds, Group(usage, "ByBand", "Audio").GetProperty("Seconds").GetDouble(), 0.001);
        var days = usage.GetProperty("MfBreakdown").GetProperty("ByDay").EnumerateArray().ToList();
        Assert.Equal(3, days.Count);
        Assert.All(days, d => Assert.EndsWith("T00:00:00+08:00", d.GetProperty("Key").GetString(), StringComparison.Ordinal));
        Assert.Equal(3, days.Sum(d => d.GetProperty("Count").GetInt64()));
    }

    [Fact]
    public async Task DescribeUsageData_Filters_ScheduleAndResourceIdsSelectTheRecords()
    {
        var (scheduleId, _) = await server.ScenarioAsync();
        var byResource = await UsageAsync(Mps, new { MfResourceIds = OurCentre });
        var otherResource = await UsageAsync(Mps, new { MfResourceIds = NoSuchCentre });
        var otherSchedule = await UsageAsync(Mps, new { MfScheduleIds = new[] { scheduleId + 1000 } });
        var snapshotsOnly = await UsageAsync(Mps, new { MfScheduleIds = new[] { scheduleId } }, SnapshotType);

        Assert.Equal(2, Total(TypeData(byResource, "Transcode").GetProperty("Summary")).Count);
        Assert.Equal(0, Total(TypeData(otherResource, "Transcode").GetProperty("Summary")).Count);
        Assert.Equal(0, Total(TypeData(otherSchedule, "Snapshot").GetProperty("Summary")).Count);
        Assert.Equal("Snapshot", Assert.Single(snapshotsOnly.GetProperty("Data").EnumerateArray()).GetProperty("TaskType").GetString());
        Assert.Equal(["action-snapshotByTimeOffset"], snapshotsOnly.GetProperty("MfBreakdown").GetProperty("ByNodeType").EnumerateArray().Select(g => g.GetProperty("Key").GetString()));
    }

    [Fact]
    public async Task DescribeUsageData_NoTypes_DefaultsToTranscode()
    {
        var (scheduleId, _) = await server.ScenarioAsync();
        var (start, end) = Today();

        var usage = await Mps.OkAsync("DescribeUsageData", new { StartTime = start, EndTime = end, MfScheduleIds = new[] { scheduleId } });

        var only = Assert.Single(usage.GetProperty("Data").EnumerateArray());
        Assert.Equal("Transcode", only.GetProperty("TaskType").GetString());
        Assert.Equal(2, Total(only.GetProperty("Summary")).Count);
    }

    [Fact]
    public async Task DescribeUsageData_AnotherAccount_SeesNothing()
    {
        await server.ScenarioAsync();
        var created = await MediaflowCli.RunAsync("accounts", "create", "--json", "--data-dir", server.DataDirectory);
        Assert.True(created.ExitCode == 0, created.Stderr);
        using var json = JsonDocument.Parse(created.Stdout);
        var other = server.MpsFor(new AccountKey(json.RootElement.GetProperty("AppId").GetInt64(),
            json.RootElement.GetProperty("SecretId").GetString()!, json.RootElement.GetProperty("SecretKey").GetString()!));

        var theirs = await UsageAsync(other);
        var ours = await UsageAsync(Mps);

        Assert.All(theirs.GetProperty("Data").EnumerateArray(), d => Assert.Equal(0, Total(d.GetProperty("Summary")).Count));
        Assert.Empty(theirs.GetProperty("MfBreakdown").GetProperty("ByNodeType").EnumerateArray());
        Assert.True(Total(TypeData(ours, "Transcode").GetProperty("Summary")).Count >= 2);
    }

    /// <summary>Ranges relative to today, so the cases mean the same on any date.</summary>
    public static TheoryData<string, string> Refused()
    {
        var today = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        string Body(DateTimeOffset start, DateTimeOffset end, string extra = "") => $$"""{"StartTime":"{{Iso(start)}}","EndTime":"{{Iso(end)}}"{{extra}}}""";
        return new()
        {
            { Body(today, today.AddDays(-1)), "InvalidParameterValue.EndTime" },
            { Body(today.AddDays(-91), today), "InvalidParameterValue.EndTime" },
            { Body(today.AddDays(-400), today.AddDays(-399)), "InvalidParameterValue.StartTime" },
            { $$"""{"StartTime":"yesterday","EndTime":"{{Iso(today)}}"}""", "InvalidParameterValue.StartTime" },
            { Body(today, today, ""","Types":["Transcode","Bogus"]"""), "InvalidParameterValue.Types" },
            { $$"""{"EndTime":"{{Iso(today)}}"}""", "MissingParameter" },
        };
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task DescribeUsageData_BadRange_ClearError(string body, string code)
    {
        (await Mps.SendAsync("DescribeUsageData", body)).AssertError(code);
        await Mps.AssertStillServingAsync();
    }
}
