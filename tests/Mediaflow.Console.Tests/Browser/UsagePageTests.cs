using System.Globalization;
using System.Text.Json;
using Mediaflow.ConsoleTests.Support;
using Microsoft.Playwright;

namespace Mediaflow.ConsoleTests.Browser;

/// <summary>The usage page (docs/usage.md) after a real task: its chart tables show the figures DescribeUsageData answers.</summary>
public sealed class UsagePageTests(BuiltConsoleServer server, Chromium chromium) : IClassFixture<BuiltConsoleServer>, IClassFixture<Chromium>
{
    private static readonly string[] Types = ["Transcode", "Snapshot"];
    private static readonly string[] Offsets = ["0.5s", "1s", "1.5s"];
    private static readonly string[] Formats = ["mp4"];

    [Fact]
    public async Task UsagePage_AfterATask_ChartFiguresEqualDescribeUsageData()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(server.Api, "/console/").ToString());
        await page.Locator("input[name=SecretId]").FillAsync(server.Account.SecretId);
        await page.Locator("input[name=SecretKey]").FillAsync(server.Account.SecretKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Usage", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("No usage in this range")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "40-usage-empty");

        var bucket = await Buckets.CreateAsync(server, "usagepage");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 2);
        await Buckets.PutFileAsync(server, bucket, "in/clip.mp4", clip);
        object[] activities =
        [
            new { ActivityType = "input", ReardriveIndex = new[] { 1, 2 } },
            new { ActivityType = "action-trans", ReardriveIndex = new[] { 3 }, ActivityPara = new { TranscodeTask = new { Definition = 100010 } } },
            new { ActivityType = "action-snapshotByTimeOffset", ReardriveIndex = new[] { 3 }, ActivityPara = new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = Offsets } } },
            new { ActivityType = "output" },
        ];
        var scheduleId = await server.Mps.CreateScheduleAsync(new
        {
            ScheduleName = "billed-" + bucket,
            Trigger = new { Type = "CosFileUpload", CosFileUploadTrigger = new { Bucket = bucket, Region = MediaflowServer.Region, Dir = "/in/", Formats } },
            Activities = activities,
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/out/",
            ResourceId = "studio-b",
        });
        await server.Mps.WaitForFinishAsync(await server.Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, "in/clip.mp4"), ScheduleId = scheduleId }));

        await page.ReloadAsync();
        await page.GetByLabel("Orchestration filter").SelectOptionAsync(scheduleId.ToString(CultureInfo.InvariantCulture));
        var byType = page.Locator("[data-chart=by-node-type]");
        await Assertions.Expect(byType.Locator("tr[data-key='action-trans']")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "41-usage");

        var now = TimeProvider.System.GetLocalNow();
        var usage = await server.Mps.OkAsync("DescribeUsageData", new
        {
            StartTime = now.AddDays(-6).ToString("yyyy-MM-dd'T00:00:00'zzz", CultureInfo.InvariantCulture),
            EndTime = now.ToString("yyyy-MM-dd'T00:00:00'zzz", CultureInfo.InvariantCulture),
            Types,
            MfScheduleIds = new[] { scheduleId },
        });
        var breakdown = usage.GetProperty("MfBreakdown");
        var transcode = Row(breakdown, "ByNodeType", "action-trans");
        Assert.True(transcode.GetProperty("Seconds").GetDouble() > 1.5, transcode.ToString());
        Assert.Equal(3, Row(breakdown, "ByNodeType", "action-snapshotByTimeOffset").GetProperty("Images").GetInt64());
        foreach (var (chart, by) in new[] { ("by-node-type", "ByNodeType"), ("by-band", "ByBand"), ("by-orchestration", "BySchedule"), ("by-cost-centre", "ByResource") })
        {
            var rows = page.Locator($"[data-chart={chart}] tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(breakdown.GetProperty(by).GetArrayLength());
            foreach (var group in breakdown.GetProperty(by).EnumerateArray())
            {
                var row = page.Locator($"[data-chart={chart}] tr[data-key='{group.GetProperty("Key").GetString()}']");
                await Assertions.Expect(row.Locator("[data-field=Seconds]")).ToHaveTextAsync(group.GetProperty("Seconds").GetDouble().ToString("0.000", CultureInfo.InvariantCulture));
                await Assertions.Expect(row.Locator("[data-field=Images]")).ToHaveTextAsync(group.GetProperty("Images").GetInt64().ToString(CultureInfo.InvariantCulture));
                await Assertions.Expect(row.Locator("[data-field=Count]")).ToHaveTextAsync(group.GetProperty("Count").GetInt64().ToString(CultureInfo.InvariantCulture));
            }
        }

        await Assertions.Expect(page.Locator("[data-total=count]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-total=images]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-chart=by-cost-centre] tr[data-key='studio-b']")).ToBeVisibleAsync();

        await page.GetByLabel("Cost centre filter").FillAsync("another-centre");
        await Assertions.Expect(page.GetByText("No usage in this range")).ToBeVisibleAsync();
    }

    private static JsonElement Row(JsonElement breakdown, string by, string key) =>
        breakdown.GetProperty(by).EnumerateArray().Single(g => g.GetProperty("Key").GetString() == key);
}
