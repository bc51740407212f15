using System.Text.Json.Nodes;
using Mediaflow.ConsoleTests.Support;
using Microsoft.Playwright;

namespace Mediaflow.ConsoleTests.Browser;

/// <summary>An orchestration made through the API opens on the canvas and saves back unchanged (only the layout is added).</summary>
public sealed class RoundTripTests(BuiltConsoleServer server, Chromium chromium) : IClassFixture<BuiltConsoleServer>, IClassFixture<Chromium>
{
    private static readonly string[] Formats = ["mp4", "mov"];

    [Fact]
    public async Task ScheduleMadeThroughTheApi_SavedFromTheCanvasWithoutChanges_ReadsBackTheSame()
    {
        var bucket = await Buckets.CreateAsync(server, "roundtrip");
        var activities = new object[]
        {
            new { ActivityType = "input", ReardriveIndex = new[] { 1, 2, 3 } },
            new { ActivityType = "action-trans", ReardriveIndex = new[] { 4 }, ActivityPara = new { TranscodeTask = new { Definition = 100010 } } },
            new { ActivityType = "action-snapshotByTimeOffset", ReardriveIndex = new[] { 4 }, ActivityPara = new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = new[] { "1s", "50%" } } } },
            new { ActivityType = "action-trans", ReardriveIndex = new[] { 4 }, ActivityPara = new { TranscodeTask = new { Definition = 100020 } } },
            new { ActivityType = "output" },
        };
        var id = (await server.Mps.OkAsync("CreateSchedule", new
        {
            ScheduleName = "made-by-api",
            Trigger = new { Type = "CosFileUpload", CosFileUploadTrigger = new { Bucket = bucket, Region = MediaflowServer.Region, Dir = "/in/", Formats } },
            Activities = activities,
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/rendered/",
            ResourceId = "cost-centre-7",
        })).GetProperty("ScheduleId").GetInt64();
        var before = await ReadAsync(id);

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(server.Api, "/console/").ToString());
        await page.Locator("input[name=SecretId]").FillAsync(server.Account.SecretId);
        await page.Locator("input[name=SecretKey]").FillAsync(server.Account.SecretKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync(new Uri(server.Api, $"/console/#/orchestrations/{id}").ToString());
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(6);
        await Chromium.ScreenshotAsync(page, "20-canvas-api-schedule");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        var after = await ReadAsync(id);
        Assert.NotEqual("", (string?)after["MfCanvasLayout"]);
        foreach (var field in new[] { "Activities", "Trigger", "OutputStorage", "OutputDir", "ResourceId", "TaskNotifyConfig", "ScheduleName", "Status" })
        {
            Assert.True(JsonNode.DeepEquals(before[field], after[field]), $"{field}: before {before[field]}\nafter {after[field]}");
        }
    }

    private async Task<JsonObject> ReadAsync(long id) =>
        JsonNode.Parse((await server.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { id } })).GetProperty("ScheduleInfoSet")[0].GetRawText())!.AsObject();
}
