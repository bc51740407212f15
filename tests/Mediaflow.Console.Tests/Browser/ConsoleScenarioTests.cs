using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.ConsoleTests.Support;
using Microsoft.Playwright;

namespace Mediaflow.ConsoleTests.Browser;

/// <summary>
/// The issue's scenario in a real browser against a real server: sign in, draw, save, read back through the API, enable,
/// upload from the bucket page, watch the task, preview its output, disable and delete. Screenshots of each page go to
/// <c>bin/…/screenshots</c>.
/// </summary>
public sealed class ConsoleScenarioTests(BuiltConsoleServer server, Chromium chromium) : IClassFixture<BuiltConsoleServer>, IClassFixture<Chromium>
{
    private static readonly TimeSpan TaskTimeout = TimeSpan.FromSeconds(120);

    private async Task<IPage> SignedInPageAsync(string screenshot = "")
    {
        var page = await chromium.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync(new Uri(server.Api, "/console/").ToString());
        await page.Locator("input[name=SecretId]").FillAsync(server.Account.SecretId);
        await page.Locator("input[name=SecretKey]").FillAsync(server.Account.SecretKey);
        if (screenshot.Length > 0)
        {
            await Chromium.ScreenshotAsync(page, screenshot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orchestrations" })).ToBeVisibleAsync();
        return page;
    }

    private static ILocator NodeOf(IPage page, string activityType, int nth = 0) =>
        page.Locator($".react-flow__node:has([data-activity-type='{activityType}'])").Nth(nth);

    private static async Task DropFromPaletteAsync(IPage page, string activityType, float x, float y)
    {
        await page.Locator($".palette-item[data-activity-type='{activityType}']").DragToAsync(page.Locator(".react-flow__pane"), new() { TargetPosition = new() { X = x, Y = y } });
    }

    private static async Task ChooseTemplateAsync(IPage page, string definition)
    {
        var select = page.Locator(".panel select[aria-label=Template]");
        await Assertions.Expect(select.Locator($"option[value='{definition}']")).ToBeAttachedAsync();
        await select.SelectOptionAsync(definition);
    }

    private static Task CheckInPanelAsync(IPage page, string name) => page.Locator(".panel").GetByLabel(name, new() { Exact = true }).First.CheckAsync();

    [Fact]
    public async Task DrawSaveEnableUploadWatchPreviewDisableDelete()
    {
        var bucket = server.MediaBucket;
        using (var s3 = server.S3For(server.Account))
        {
            await s3.PutBucketAsync(bucket);
        }

        var page = await SignedInPageAsync("01-sign-in");
        await Chromium.ScreenshotAsync(page, "02-orchestrations-empty");

        // Draw: input → Transcode A → QC → IF {Height ≥ 720 → B; Blur → C; else → C}; A, B, C → output.
        await page.GetByRole(AriaRole.Button, new() { Name = "New orchestration" }).ClickAsync();
        await Assertions.Expect(page.Locator(".palette-item[data-activity-type='action-exec-rules']")).ToBeVisibleAsync();
        await page.GetByLabel("Orchestration name").FillAsync("console-drawn");
        await page.GetByLabel("Trigger bucket").SelectOptionAsync(bucket);
        await page.GetByLabel("Trigger directory").FillAsync("/in/");
        await page.GetByLabel("Trigger formats").SelectOptionAsync("video");
        await page.GetByLabel("Output directory").FillAsync("/out/");

        await DropFromPaletteAsync(page, "action-trans", 250, 120);
        await ChooseTemplateAsync(page, "100010");
        await page.Locator(".react-flow__node[data-id='n0'] .react-flow__handle.source").DragToAsync(NodeOf(page, "action-trans").Locator(".react-flow__handle.target"));
        await Assertions.Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);
        await CheckInPanelAsync(page, "Output");

        await DropFromPaletteAsync(page, "action-AIQualityControl", 250, 300);
        await NodeOf(page, "action-trans").ClickAsync();
        await CheckInPanelAsync(page, "Quality inspection #2");
        await DropFromPaletteAsync(page, "action-exec-rules", 420, 300);
        await NodeOf(page, "action-AIQualityControl").ClickAsync();
        await CheckInPanelAsync(page, "IF #3");
        await DropFromPaletteAsync(page, "action-trans", 600, 200);
        await ChooseTemplateAsync(page, "100010");
        await CheckInPanelAsync(page, "Output");
        await DropFromPaletteAsync(page, "action-trans", 600, 400);
        await ChooseTemplateAsync(page, "100020");
        await CheckInPanelAsync(page, "Output");

        await NodeOf(page, "action-exec-rules").ClickAsync();
        await CheckInPanelAsync(page, "Transcode #4");
        await CheckInPanelAsync(page, "Transcode #5");
        var panel = page.Locator(".panel");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add branch" }).ClickAsync();
        var first = panel.Locator("li[data-branch='0']");
        await first.GetByLabel("Condition key").FillAsync("Height");
        await first.GetByLabel("Condition value").FillAsync(">=720");
        await first.GetByLabel("Transcode #4").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add branch" }).ClickAsync();
        var second = panel.Locator("li[data-branch='1']");
        await second.GetByLabel("Condition key").FillAsync("Blur");
        await second.GetByLabel("Condition value").FillAsync("true");
        await second.GetByLabel("Join conditions with").SelectOptionAsync("||");
        await second.GetByLabel("Transcode #5").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add else branch" }).ClickAsync();
        await panel.Locator("[data-branch='else']").GetByLabel("Transcode #5").CheckAsync();
        await Chromium.ScreenshotAsync(page, "03-canvas-if-before-reorder");

        // Priority by dragging: the Blur branch goes on top; the else stays last.
        await panel.Locator("li[data-branch='1'] .grip").DragToAsync(panel.Locator("li[data-branch='0']"));
        await Assertions.Expect(panel.Locator("li[data-branch='0'] input[aria-label='Condition key']")).ToHaveValueAsync("Blur");
        await Chromium.ScreenshotAsync(page, "04-canvas-if-after-reorder");

        var drawn = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), r => r.Url.EndsWith("/mps/CreateSchedule", StringComparison.Ordinal));
        var drawnBody = JsonNode.Parse(drawn.PostData!)!;
        var ifNode = drawnBody["Activities"]!.AsArray().Single(a => (string?)a!["ActivityType"] == "action-exec-rules")!;
        var rules = ifNode["ActivityPara"]!["ExecRulesTask"]!["Rules"]!.AsArray();
        Assert.Equal(3, rules.Count);
        Assert.Equal("Blur", (string?)rules[0]!["Conditions"]![0]!["Key"]);
        Assert.Equal("||", (string?)rules[0]!["Linker"]);
        Assert.Equal(">=720", (string?)rules[1]!["Conditions"]![0]!["Value"]);
        Assert.Empty(rules[2]!["Conditions"]!.AsArray());
        // Activities: input 0, A 1, QC 2, IF 3, B 4, C 5, output 6.
        Assert.Equal("5", string.Join(',', rules[0]!["RearDriveIndexs"]!.AsArray().Select(i => (int)i!)));
        Assert.Equal("4", string.Join(',', rules[1]!["RearDriveIndexs"]!.AsArray().Select(i => (int)i!)));
        Assert.Equal("5", string.Join(',', rules[2]!["RearDriveIndexs"]!.AsArray().Select(i => (int)i!)));
        Assert.Equal("4,5", string.Join(',', ifNode["ReardriveIndex"]!.AsArray().Select(i => (int)i!)));

        // This build does not execute QC and IF nodes yet: the server refuses, and the canvas shows why on the node.
        await Assertions.Expect(page.Locator(".react-flow__node .node-error")).ToContainTextAsync("is not supported by this server yet");
        await Chromium.ScreenshotAsync(page, "05-canvas-server-error-on-node");

        // Without them: A fans out to B and C and to the output; B and C fan in to the output.
        await NodeOf(page, "action-exec-rules").ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Delete node" }).ClickAsync();
        await NodeOf(page, "action-AIQualityControl").ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Delete node" }).ClickAsync();
        await NodeOf(page, "action-trans", 0).ClickAsync();
        await CheckInPanelAsync(page, "Transcode #2");
        await CheckInPanelAsync(page, "Transcode #3");
        var saved = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), r => r.Url.EndsWith("/mps/CreateSchedule", StringComparison.Ordinal));
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "#/orchestrations/[0-9]+$"));
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(5);
        await Chromium.ScreenshotAsync(page, "06-canvas-saved");

        // The API reads back what was drawn.
        var sent = JsonNode.Parse(saved.PostData!)!;
        var scheduleId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var info = (await server.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { scheduleId } })).GetProperty("ScheduleInfoSet")[0];
        var readBack = JsonNode.Parse(info.GetRawText())!;
        foreach (var activity in readBack["Activities"]!.AsArray())
        {
            activity!.AsObject().Remove("PredriveIndex");
        }

        Assert.True(JsonNode.DeepEquals(sent["Activities"], readBack["Activities"]), $"sent {sent["Activities"]}\nread {readBack["Activities"]}");
        Assert.True(JsonNode.DeepEquals(sent["Trigger"], readBack["Trigger"]), $"sent {sent["Trigger"]}\nread {readBack["Trigger"]}");
        Assert.Equal((string?)sent["MfCanvasLayout"], (string?)readBack["MfCanvasLayout"]);
        Assert.Equal("/out/", (string?)readBack["OutputDir"]);
        Assert.Equal("input,action-trans,action-trans,action-trans,output", string.Join(',', readBack["Activities"]!.AsArray().Select(a => (string)a!["ActivityType"]!)));

        // Enable from the list; edit and delete are then refused with the reason.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Orchestrations" }).ClickAsync();
        var row = page.Locator("tr[data-schedule='console-drawn']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Assertions.Expect(row.Locator(".badge").First).ToHaveTextAsync("Enabled");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToBeDisabledAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToBeDisabledAsync();
        await Assertions.Expect(row).ToContainTextAsync("Disable to edit or delete");
        await Chromium.ScreenshotAsync(page, "07-orchestrations-enabled");

        // Upload by drag and drop on the bucket page.
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "clip.mp4"), seconds: 1);
        await page.GotoAsync(new Uri(server.Api, $"/console/#/buckets/{bucket}/in").ToString());
        await Assertions.Expect(page.GetByText("This folder is empty")).ToBeVisibleAsync();
        var dataTransfer = await page.EvaluateHandleAsync(
            "async ([b64, name]) => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0)); const dt = new DataTransfer(); dt.items.add(new File([bytes], name, { type: 'video/mp4' })); return dt; }",
            new object[] { Convert.ToBase64String(await File.ReadAllBytesAsync(clip)), "clip.mp4" });
        await page.GetByTestId("dropzone").DispatchEventAsync("drop", new { dataTransfer });
        await Assertions.Expect(page.Locator("li[data-upload='clip.mp4']")).ToContainTextAsync("done");
        await Assertions.Expect(page.Locator("tr[data-key='in/clip.mp4']")).ToBeVisibleAsync();
        await page.Locator("tr[data-key='in/clip.mp4'] button.link").ClickAsync();
        await Assertions.Expect(page.Locator(".preview-pane video")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "08-bucket-uploaded-preview");

        // Watch the task finish on the tasks page, then open it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-task] .status-finish")).ToBeVisibleAsync(new() { Timeout = (float)TaskTimeout.TotalMilliseconds });
        await Chromium.ScreenshotAsync(page, "09-tasks");
        await page.Locator("tr[data-task] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("article.result[data-status='SUCCESS']")).ToHaveCountAsync(3, new() { Timeout = (float)TaskTimeout.TotalMilliseconds });
        await Assertions.Expect(page.Locator(".run-graph .react-flow__node.run-success")).ToHaveCountAsync(3);
        var preview = page.Locator("article.result video[data-key]").First;
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('article.result video[data-key]'); return v && v.readyState >= 1 && v.duration > 0; }");
        await Chromium.ScreenshotAsync(page, "10-task-page");
        await page.Locator("article.result details.attempt summary").First.ClickAsync();
        await Assertions.Expect(page.Locator("article.result pre.mono").First).ToContainTextAsync("ffmpeg");
        await Chromium.ScreenshotAsync(page, "10b-task-page-ffmpeg-command");

        // Disable, then delete.
        await page.GetByRole(AriaRole.Link, new() { Name = "Orchestrations", Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToBeEnabledAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Equal(0, (await server.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { scheduleId } })).GetProperty("TotalCount").GetInt64());

        await page.GetByRole(AriaRole.Link, new() { Name = "Templates", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Presets (read-only)" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "11-templates");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Mediaflow" })).ToBeVisibleAsync();
    }
}
