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

    /// <summary>The "Picture-quality" QC preset (docs/quality-control.md): it inspects <c>Blur</c>, one of the IF node's keys.</summary>
    private const int QcPreset = 40;

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

        // Draw: input → Transcode A (#1) → QC (#2, preset 40 "Picture-quality") → IF (#3) {Height ≥ 720 → B (#4); Blur → C (#5);
        // else → C}; A, B, C → output (#6).
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
        await ChooseTemplateAsync(page, QcPreset.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
        // The key list: the source's keys and the QC node's above it (MfDescribeNodeTypes), not the AI review's.
        var keys = panel.Locator("datalist#condition-keys");
        await Assertions.Expect(keys.Locator("option[value='Height']")).ToBeAttachedAsync();
        await Assertions.Expect(keys.Locator("option[value='Blur']")).ToBeAttachedAsync();
        await Assertions.Expect(keys.Locator("option[value='SSIM']")).ToBeAttachedAsync();
        await Assertions.Expect(keys.Locator("option[value='ReviewSuggestion']")).ToHaveCountAsync(0);
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

        var saved = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), r => r.Url.EndsWith("/mps/CreateSchedule", StringComparison.Ordinal));
        var sent = JsonNode.Parse(saved.PostData!)!;
        var ifNode = sent["Activities"]!.AsArray().Single(a => (string?)a!["ActivityType"] == "action-exec-rules")!;
        var rules = ifNode["ActivityPara"]!["ExecRulesTask"]!["Rules"]!.AsArray();
        Assert.Equal(3, rules.Count);
        Assert.Equal("Blur", (string?)rules[0]!["Conditions"]![0]!["Key"]);
        Assert.Equal("||", (string?)rules[0]!["Linker"]);
        Assert.Equal(">=720", (string?)rules[1]!["Conditions"]![0]!["Value"]);
        Assert.Empty(rules[2]!["Conditions"]!.AsArray());
        Assert.Equal("5", string.Join(',', rules[0]!["RearDriveIndexs"]!.AsArray().Select(i => (int)i!)));
        Assert.Equal("4", string.Join(',', rules[1]!["RearDriveIndexs"]!.AsArray().Select(i => (int)i!)));
        Assert.Equal("5", string.Join(',', rules[2]!["RearDriveIndexs"]!.AsArray().Select(i => (int)i!)));
        Assert.Equal("4,5", string.Join(',', ifNode["ReardriveIndex"]!.AsArray().Select(i => (int)i!)));
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "#/orchestrations/[0-9]+$"));
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(7);
        await Chromium.ScreenshotAsync(page, "05-canvas-saved");

        // The API reads back what was drawn: every Activity (the IF rules in the dragged order), trigger and layout.
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
        Assert.Equal(
            "input,action-trans,action-AIQualityControl,action-exec-rules,action-trans,action-trans,output",
            string.Join(',', readBack["Activities"]!.AsArray().Select(a => (string)a!["ActivityType"]!)));
        Assert.Equal(QcPreset, (int)readBack["Activities"]![2]!["ActivityPara"]!["QualityControlTask"]!["Definition"]!);

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
        // A, QC, IF and C succeed; B (#4) is the branch not taken (the 320×240 clip is not ≥ 720 high, and whichever of
        // Blur / else won runs C).
        await Assertions.Expect(page.Locator("article.result[data-status='SUCCESS']")).ToHaveCountAsync(4, new() { Timeout = (float)TaskTimeout.TotalMilliseconds });
        await Assertions.Expect(page.Locator("article.result[data-activity-index='4'][data-status='SKIPPED']")).ToContainTextAsync("branch not selected by Activities[3]");
        await Assertions.Expect(page.Locator(".run-graph .react-flow__node.run-success")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator(".run-graph .react-flow__node.run-skipped")).ToHaveCountAsync(1);

        // The IF decision shown is the engine's (DescribeTaskDetail ExecRuleTask), with every condition evaluated.
        var taskId = (await page.Locator("h1").InnerTextAsync())["Task ".Length..];
        var detail = JsonNode.Parse((await server.Mps.OkAsync("DescribeTaskDetail", new { TaskId = taskId })).GetRawText())!;
        var ifResult = detail["ScheduleTask"]!["ActivityResultSet"]!.AsArray().Single(r => (string?)r!["ActivityType"] == "ExecRules")!["ActivityResItem"]!["ExecRuleTask"]!;
        var matched = (int)ifResult["MfMatchedRule"]!;
        Assert.True(matched is 0 or 2, $"MfMatchedRule {matched}: the Height branch (1) cannot hold for a 240-px-high clip, and the else (2) always does");
        Assert.Equal("5", string.Join(',', ifResult["Output"]!["RearDriveIndex"]!.AsArray().Select(i => (int)i!)));
        var decision = page.Locator("article.result[data-activity-index='3'] .decision");
        await Assertions.Expect(decision).ToHaveAttributeAsync("data-matched-rule", matched.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(decision.Locator("strong")).ToHaveTextAsync(matched == 0 ? "Branch 1 taken (Rules[0])" : "Else branch taken");
        await Assertions.Expect(decision).ToContainTextAsync("runs Transcode #5");
        await Assertions.Expect(decision.Locator("tbody tr")).ToHaveCountAsync(ifResult["MfEvaluations"]!.AsArray().Count);
        var heightRow = decision.Locator("tbody tr[data-rule='1']");
        await Assertions.Expect(heightRow).ToContainTextAsync("Height");
        await Assertions.Expect(heightRow.Locator("td").Nth(3)).ToHaveTextAsync("240");
        await Assertions.Expect(heightRow.Locator("td").Nth(4)).ToHaveTextAsync("no");

        // The skipped node never began; the QC card lists as many findings as the node's Output has.
        await Assertions.Expect(page.Locator("article.result[data-activity-index='4'] header .sub")).ToContainTextAsync("— →");
        var qcOutput = detail["ScheduleTask"]!["ActivityResultSet"]!.AsArray().Single(r => (int)r!["MfActivityIndex"]! == 2)!["ActivityResItem"]!["QualityControlTask"]!["Output"]!;
        var findings = (qcOutput["QualityControlResultSet"]?.AsArray().Count ?? 0) + (qcOutput["ContainerDiagnoseResultSet"]?.AsArray().Count ?? 0);
        await Assertions.Expect(page.Locator("article.result[data-activity-index='2'] .qc-findings")).ToHaveAttributeAsync("data-findings", findings.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var preview = page.Locator("article.result video[data-key]").First;
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('article.result video[data-key]'); return v && v.readyState >= 1 && v.duration > 0; }");
        await Chromium.ScreenshotAsync(page, "10-task-page");
        await decision.ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, "10a-task-page-if-decision");
        await page.Locator("article.result[data-activity-index='1'] details.attempt summary").First.ClickAsync();
        await Assertions.Expect(page.Locator("article.result[data-activity-index='1'] pre.mono").First).ToContainTextAsync("ffmpeg");
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
