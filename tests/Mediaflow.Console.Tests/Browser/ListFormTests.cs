using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.ConsoleTests.Support;
using Microsoft.Playwright;

namespace Mediaflow.ConsoleTests.Browser;

/// <summary>
/// The list forms: a quality-control template's items (Type from the server's detectable items, added, moved and
/// removed as rows), an AI template's switches and fields, and a transcode node's WatermarkSet, each made in the page
/// and read back through the API equal to what was entered; and every page at 1920×1080 (screenshots to look at).
/// </summary>
public sealed partial class ListFormTests(BuiltConsoleServer server, Chromium chromium) : IClassFixture<BuiltConsoleServer>, IClassFixture<Chromium>
{
    private static readonly LocatorAssertionsToBeVisibleOptions ServerRoundTrip = new() { Timeout = 30_000 };
    private static readonly int[] Preset10 = [10];
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToNode2 = [2];

    private async Task<IPage> SignedInPageAsync(string hash, int width = 1280, int height = 800)
    {
        var page = await chromium.NewPageAsync(width, height);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync(new Uri(server.Api, "/console/").ToString());
        await page.Locator("input[name=SecretId]").FillAsync(server.Account.SecretId);
        await page.Locator("input[name=SecretKey]").FillAsync(server.Account.SecretKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orchestrations", Exact = true })).ToBeVisibleAsync(ServerRoundTrip);
        await page.GotoAsync(new Uri(server.Api, "/console/" + hash).ToString());
        return page;
    }

    /// <summary>A schedule input → transcode (preset 100010) → output, made through the API and opened on the canvas with the transcode node's panel shown.</summary>
    private async Task<(long Id, IPage Page)> OpenTranscodeScheduleAsync(string name, string bucket)
    {
        var id = (await server.Mps.OkAsync("CreateSchedule", new
        {
            ScheduleName = name,
            Trigger = new { Type = "CosFileUpload", CosFileUploadTrigger = new { Bucket = bucket, Region = MediaflowServer.Region, Dir = "/in/" } },
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-trans", ReardriveIndex = ToNode2, ActivityPara = new { TranscodeTask = new { Definition = 100010 } } },
                new { ActivityType = "output" },
            },
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/out/",
        })).GetProperty("ScheduleId").GetInt64();

        var page = await SignedInPageAsync($"#/orchestrations/{id}");
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await page.Locator(".react-flow__node:has([data-activity-type='action-trans'])").ClickAsync();
        return (id, page);
    }

    private static async Task<ILocator> NewTemplateFormAsync(IPage page, string family, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"New {family} template" }).ClickAsync(new() { Timeout = 30_000 });
        var form = page.Locator("form.template-form");
        await form.Locator("input[name='Name']").FillAsync(name);
        return form;
    }

    private static async Task SaveAsync(IPage page, ILocator form, string name)
    {
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("form.template-form")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync(ServerRoundTrip);
    }

    [Fact]
    public async Task QualityControlTemplate_TwoItemsMadeWithTheListForm_ReadBackEqual()
    {
        var page = await SignedInPageAsync("#/templates/QualityControl");
        var name = "qc-form-" + Guid.NewGuid().ToString("N")[..6];
        var form = await NewTemplateFormAsync(page, "QualityControl", name);
        var items = form.Locator("fieldset[data-list='QualityControlItemSet']");

        // The item select lists what the server detects: preset 10's items.
        var preset = (await server.Mps.OkAsync("DescribeQualityControlTemplates", new { Definitions = Preset10 })).GetProperty("QualityControlTemplateSet")[0];
        var detectable = preset.GetProperty("QualityControlItemSet").EnumerateArray().Select(i => i.GetProperty("Type").GetString()!).Order(StringComparer.Ordinal).ToList();
        await items.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        var offered = await items.Locator("select[name='QualityControlItemSet.0.Type'] option").AllTextContentsAsync();
        Assert.Equal(detectable, offered.Where(o => o != "— choose an item —").ToList());

        // Three rows; the first is removed and the other two swapped (with the keyboard: focus + Enter).
        await items.Locator("select[name='QualityControlItemSet.0.Type']").SelectOptionAsync("Blur");
        await items.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await items.Locator("select[name='QualityControlItemSet.1.Type']").SelectOptionAsync("SolidColorScreen");
        await items.Locator("input[name='QualityControlItemSet.1.IntervalTime']").FillAsync("500");
        await items.Locator("input[name='QualityControlItemSet.1.Duration']").FillAsync("1000");
        await items.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await items.Locator("select[name='QualityControlItemSet.2.Type']").SelectOptionAsync("Noise");
        await items.Locator("input[name='QualityControlItemSet.2.Threshold']").FillAsync("30");
        await items.Locator("input[name='QualityControlItemSet.2.Switch']").UncheckAsync();
        await items.GetByRole(AriaRole.Button, new() { Name = "Remove item 1" }).ClickAsync();
        await items.GetByRole(AriaRole.Button, new() { Name = "Move item 2 up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(items.Locator("li.list-row")).ToHaveCountAsync(2);
        await ShotFitsAsync(page, "40-qc-template-list-form");
        await SaveAsync(page, form, name);

        var made = (await server.Mps.OkAsync("DescribeQualityControlTemplates", new { Type = "Custom", Limit = 100 }))
            .GetProperty("QualityControlTemplateSet").EnumerateArray().Single(t => t.GetProperty("Name").GetString() == name);
        var set = made.GetProperty("QualityControlItemSet").EnumerateArray().ToList();
        Assert.Equal(2, set.Count);
        Assert.Equal(("Noise", "OFF", "Time", "30"), (Str(set[0], "Type"), Str(set[0], "Switch"), Str(set[0], "Sampling"), Str(set[0], "Threshold")));
        Assert.Equal(("SolidColorScreen", "ON", "Time", 500L, 1000L),
            (Str(set[1], "Type"), Str(set[1], "Switch"), Str(set[1], "Sampling"), set[1].GetProperty("IntervalTime").GetInt64(), set[1].GetProperty("Duration").GetInt64()));
    }

    [Fact]
    public async Task QualityControlTemplate_AnUnknownItemRefused_IsShownUnderTheItemList()
    {
        var page = await SignedInPageAsync("#/templates/QualityControl");
        var form = await NewTemplateFormAsync(page, "QualityControl", "qc-refused");
        var items = form.Locator("fieldset[data-list='QualityControlItemSet']");
        await items.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await items.Locator("select[name='QualityControlItemSet.0.Type']").SelectOptionAsync("Blur");
        await items.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await items.Locator("select[name='QualityControlItemSet.1.Type']").SelectOptionAsync("Blur");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var error = form.Locator(".field-error[data-field='QualityControlItemSet']");
        await Assertions.Expect(error).ToContainTextAsync("InvalidParameterValue.Type", new() { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, "41-qc-template-list-error");
    }

    [Fact]
    public async Task SmartSubtitleTemplate_MadeWithTheForm_ReadsBackEqual()
    {
        var page = await SignedInPageAsync("#/templates/SmartSubtitle");
        var name = "subs-form-" + Guid.NewGuid().ToString("N")[..6];
        var form = await NewTemplateFormAsync(page, "SmartSubtitle", name);
        await form.Locator("input[name='Comment']").FillAsync("made in the form");
        await form.Locator("select[name='ProcessType']").SelectOptionAsync("2");
        await form.Locator("select[name='VideoSrcLanguage']").SelectOptionAsync("zh_en");
        await form.Locator("select[name='SubtitleType']").SelectOptionAsync("0");
        await form.Locator("select[name='SubtitleFormat']").SelectOptionAsync("srt");
        await Chromium.ScreenshotAsync(page, "42-smart-subtitle-form");
        await SaveAsync(page, form, name);

        var made = (await server.Mps.OkAsync("DescribeSmartSubtitleTemplates", new { Type = "Custom", Limit = 100 }))
            .GetProperty("SmartSubtitleTemplateSet").EnumerateArray().Single(t => t.GetProperty("Name").GetString() == name);
        Assert.Equal(("made in the form", 2L, "zh_en", 0L, "srt"),
            (Str(made, "Comment"), made.GetProperty("ProcessType").GetInt64(), Str(made, "VideoSrcLanguage"), made.GetProperty("SubtitleType").GetInt64(), Str(made, "SubtitleFormat")));
    }

    [Fact]
    public async Task AiRecognitionTemplate_SwitchesMadeWithTheForm_ReadBackEqual()
    {
        var page = await SignedInPageAsync("#/templates/AIRecognition");
        var name = "ocr-form-" + Guid.NewGuid().ToString("N")[..6];
        var form = await NewTemplateFormAsync(page, "AIRecognition", name);
        await form.Locator("input[name='OcrFullTextConfigure.Switch']").CheckAsync();
        await form.Locator("input[name='AsrWordsConfigure.Switch']").CheckAsync();
        await SaveAsync(page, form, name);

        var made = (await server.Mps.OkAsync("DescribeAIRecognitionTemplates", new { Type = "Custom", Limit = 100 }))
            .GetProperty("AIRecognitionTemplateSet").EnumerateArray().Single(t => t.GetProperty("Name").GetString() == name);
        Assert.Equal(("ON", "ON"), (Str(made.GetProperty("OcrFullTextConfigure"), "Switch"), Str(made.GetProperty("AsrWordsConfigure"), "Switch")));
        Assert.NotEqual("ON", made.TryGetProperty("FaceConfigure", out var face) && face.ValueKind == JsonValueKind.Object && face.TryGetProperty("Switch", out var s) ? s.GetString() : null);
    }

    [Fact]
    public async Task ContentReviewTemplate_MadeWithTheForm_ReadsBackEqual()
    {
        // The aiReview node's family is ContentReview (the Describe/Create actions' name), so its tab lists and creates.
        var page = await SignedInPageAsync("#/templates/ContentReview");
        var name = "review-form-" + Guid.NewGuid().ToString("N")[..6];
        var form = await NewTemplateFormAsync(page, "ContentReview", name);
        await form.Locator("input[name='PoliticalConfigure.OcrReviewInfo.Switch']").CheckAsync();
        await form.Locator("input[name='PoliticalConfigure.OcrReviewInfo.BlockConfidence']").FillAsync("90");
        await form.Locator("input[name='PoliticalConfigure.OcrReviewInfo.ReviewConfidence']").FillAsync("60");
        await SaveAsync(page, form, name);

        var made = (await server.Mps.OkAsync("DescribeContentReviewTemplates", new { Type = "Custom", Limit = 100 }))
            .GetProperty("ContentReviewTemplateSet").EnumerateArray().Single(t => t.GetProperty("Name").GetString() == name);
        var ocr = made.GetProperty("PoliticalConfigure").GetProperty("OcrReviewInfo");
        Assert.Equal(("ON", 90L, 60L), (Str(ocr, "Switch"), ocr.GetProperty("BlockConfidence").GetInt64(), ocr.GetProperty("ReviewConfidence").GetInt64()));
    }

    [Fact]
    public async Task Watermark_AddedToATranscodeNodeWithTheListForm_IsSavedAndReadBackThroughDescribeSchedules()
    {
        var bucket = await Buckets.CreateAsync(server, "wmlist");
        var watermark = (await server.Mps.OkAsync("CreateWatermarkTemplate", new
        {
            Name = "logo-text", Type = "text", CoordinateOrigin = "TopLeft", XPos = "10px", YPos = "10px",
            TextTemplate = new { FontType = "arial.ttf", FontSize = "16px", FontColor = "0xFFFFFF", FontAlpha = 0.8, TextContent = "mf" },
        })).GetProperty("Definition").GetInt64();
        var (id, page) = await OpenTranscodeScheduleAsync("wm-list", bucket);
        var list = page.Locator(".node-panel fieldset[data-list='WatermarkSet']");
        await list.GetByRole(AriaRole.Button, new() { Name = "Add watermark" }).ClickAsync();
        var definition = list.Locator("select[name='WatermarkSet.0.Definition']");
        await Assertions.Expect(definition.Locator($"option[value='{watermark}']")).ToHaveTextAsync($"{watermark} · logo-text");
        await definition.SelectOptionAsync(watermark.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await list.Locator("input[name='WatermarkSet.0.StartTimeOffset']").FillAsync("1");
        await list.Locator("input[name='WatermarkSet.0.EndTimeOffset']").FillAsync("3");
        await ShotFitsAsync(page, "43-node-watermark-list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync(ServerRoundTrip);

        var info = JsonNode.Parse((await server.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { id } })).GetProperty("ScheduleInfoSet")[0].GetRawText())!;
        var task = info["Activities"]![1]!["ActivityPara"]!["TranscodeTask"]!;
        var expected = JsonNode.Parse($$"""{"Definition":{{watermark}},"StartTimeOffset":1,"EndTimeOffset":3}""");
        var set = task["WatermarkSet"]!.AsArray();
        Assert.Single(set);
        var actual = new JsonObject(set[0]!.AsObject().Where(p => p.Value is not null && !(p.Value is JsonValue v && v.ToString() is "" or "0")).Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value!.DeepClone())));
        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString());
        Assert.Equal(100010, (long)task["Definition"]!);
    }

    [Fact]
    public async Task EveryPage_At1920x1080_FitsTheWidth_AndIsScreenshotted()
    {
        var page = await SignedInPageAsync("#/orchestrations", 1920, 1080);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orchestrations", Exact = true })).ToBeVisibleAsync(ServerRoundTrip);
        await ShotFitsAsync(page, "wide-01-orchestrations");
        foreach (var (hash, heading, shot) in new[]
        {
            ("#/tasks", "Tasks", "wide-02-tasks"), ("#/buckets", "Buckets", "wide-03-buckets"), ("#/usage", "Usage", "wide-04-usage"),
            ("#/templates/Transcode", "Templates", "wide-05-templates"),
        })
        {
            await page.GotoAsync(new Uri(server.Api, "/console/" + hash).ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync(ServerRoundTrip);
            await Assertions.Expect(page.Locator(".state.loading")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await ShotFitsAsync(page, shot);
        }

        await page.GotoAsync(new Uri(server.Api, "/console/#/templates/QualityControl").ToString());
        var form = await NewTemplateFormAsync(page, "QualityControl", "wide");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await ShotFitsAsync(page, "wide-06-qc-form");
        await page.GotoAsync(new Uri(server.Api, "/console/#/templates/AIRecognition").ToString());
        await NewTemplateFormAsync(page, "AIRecognition", "wide");
        await ShotFitsAsync(page, "wide-07-ai-form");
        await page.GotoAsync(new Uri(server.Api, "/console/#/orchestrations/new").ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ShotFitsAsync(page, "wide-08-editor");
    }

    /// <summary>A screenshot to look at, and the page must not scroll sideways (nothing wider than the window).</summary>
    private static async Task ShotFitsAsync(IPage page, string name)
    {
        await Chromium.ScreenshotAsync(page, name);
        var (scroll, inner) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scroll <= inner, $"{name}: the page is {scroll} px wide in a {inner} px window");
    }

    private static string? Str(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
