using System.Globalization;
using System.Text.Json;
using Mediaflow.ConsoleTests.Support;
using Microsoft.Playwright;

namespace Mediaflow.ConsoleTests.Browser;

/// <summary>
/// The list forms, continued: the SmartErase template form (EraseType picks its config; custom time ranges each with their rectangles, rows added,
/// removed and moved from the keyboard) and a transcode node's MosaicSet as a list form, each made in the page and read
/// back through the API equal to what was entered; a refusal is shown under the list it concerns.
/// </summary>
public sealed partial class ListFormTests
{

    [Fact]
    public async Task SmartEraseTemplate_CustomAreasMadeWithTheForm_ReadBackEqual()
    {
        var page = await SignedInPageAsync("#/templates/SmartErase");
        var name = "erase-form-" + Guid.NewGuid().ToString("N")[..6];
        var form = await NewTemplateFormAsync(page, "SmartErase", name);

        // Privacy first (its config filled), then watermark: the privacy config is hidden and not sent.
        await form.Locator("select[name='EraseType']").SelectOptionAsync("privacy");
        await form.Locator("select[name='ErasePrivacyConfig.PrivacyModel']").SelectOptionAsync("mosaic");
        await form.Locator("input[name='ErasePrivacyConfig.PrivacyTargets.face']").CheckAsync();
        await Assertions.Expect(form.Locator("input[name='ErasePrivacyConfig.PrivacyTargets.plate']")).ToHaveCountAsync(0);
        await form.Locator("select[name='EraseType']").SelectOptionAsync("watermark");
        await Assertions.Expect(form.Locator("select[name='ErasePrivacyConfig.PrivacyModel']")).ToHaveCountAsync(0);

        const string At = "EraseWatermarkConfig.CustomAreas";
        await form.Locator("select[name='EraseWatermarkConfig.WatermarkEraseMethod']").SelectOptionAsync("custom");
        var ranges = form.Locator($"fieldset[data-list='{At}']");
        // Time range 1 (500–2500 ms) with two rectangles; time range 2 (from 3000 ms to the end) with one; a third removed.
        await ranges.GetByRole(AriaRole.Button, new() { Name = "Add time range", Exact = true }).ClickAsync();
        await FillAsync(form, $"{At}.0.BeginMs", "500");
        await FillAsync(form, $"{At}.0.EndMs", "2500");
        await FillAreaAsync(form, $"{At}.0.Areas.0", "1", "0.1", "0.1", "0.4", "0.3");
        await ranges.GetByRole(AriaRole.Button, new() { Name = "Add area to time range 1", Exact = true }).ClickAsync();
        await FillAreaAsync(form, $"{At}.0.Areas.1", "2", "10", "12", "74", "44");
        await ranges.GetByRole(AriaRole.Button, new() { Name = "Add time range", Exact = true }).ClickAsync();
        await ranges.GetByRole(AriaRole.Button, new() { Name = "Add time range", Exact = true }).ClickAsync();
        await FillAsync(form, $"{At}.2.BeginMs", "3000");
        await FillAreaAsync(form, $"{At}.2.Areas.0", "1", "0.5", "0.6", "0.9", "0.95");
        await ranges.GetByRole(AriaRole.Button, new() { Name = "Remove time range 2", Exact = true }).ClickAsync();
        // With the keyboard: the pixel rectangle goes first in time range 1.
        await ranges.GetByRole(AriaRole.Button, new() { Name = "Move area 2 of time range 1 up", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(ranges.Locator(":scope > ol > li.list-row")).ToHaveCountAsync(2);
        await ranges.ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, "50-smart-erase-form");
        await SaveAsync(page, form, name);

        var made = (await server.Mps.OkAsync("DescribeSmartEraseTemplates", new { Type = "Custom", Limit = 100 }))
            .GetProperty("SmartEraseTemplateSet").EnumerateArray().Single(t => t.GetProperty("Name").GetString() == name);
        Assert.Equal("watermark", made.GetProperty("EraseType").GetString());
        Assert.False(made.TryGetProperty("ErasePrivacyConfig", out var privacy) && privacy.ValueKind != JsonValueKind.Null, made.ToString());
        var config = made.GetProperty("EraseWatermarkConfig");
        Assert.Equal("custom", config.GetProperty("WatermarkEraseMethod").GetString());
        Assert.Equal(
            ["500-2500: 2 10 12 74 44 | 1 0.1 0.1 0.4 0.3", "3000-0: 1 0.5 0.6 0.9 0.95"],
            config.GetProperty("CustomAreas").EnumerateArray().Select(Describe).ToList());
    }

    [Fact]
    public async Task SmartEraseTemplate_PrivacyFacesMadeWithTheForm_ReadBackEqual_AndABadAreaIsShownUnderItsList()
    {
        var page = await SignedInPageAsync("#/templates/SmartErase");
        var name = "erase-faces-" + Guid.NewGuid().ToString("N")[..6];
        var form = await NewTemplateFormAsync(page, "SmartErase", name);

        // A rectangle whose right edge is left of its left edge: refused, shown under the areas list (its group open).
        await form.Locator("select[name='EraseType']").SelectOptionAsync("subtitle");
        await form.Locator("select[name='EraseSubtitleConfig.SubtitleEraseMethod']").SelectOptionAsync("custom");
        await form.Locator("select[name='EraseSubtitleConfig.SubtitleModel']").SelectOptionAsync("area");
        await form.Locator("fieldset[data-list='EraseSubtitleConfig.CustomAreas']").GetByRole(AriaRole.Button, new() { Name = "Add time range", Exact = true }).ClickAsync();
        await FillAreaAsync(form, "EraseSubtitleConfig.CustomAreas.0.Areas.0", "1", "0.5", "0.1", "0.2", "0.3");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var error = form.Locator(".field-error[data-field='EraseSubtitleConfig.CustomAreas']");
        await Assertions.Expect(error).ToContainTextAsync("InvalidParameterValue.EraseArea", new() { Timeout = 30_000 });
        await form.Locator(".field-error[data-field='EraseSubtitleConfig.CustomAreas']").ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, "51-smart-erase-area-error");

        await form.Locator("select[name='EraseType']").SelectOptionAsync("privacy");
        await form.Locator("select[name='ErasePrivacyConfig.PrivacyModel']").SelectOptionAsync("blur");
        await form.Locator("input[name='ErasePrivacyConfig.PrivacyTargets.face']").CheckAsync();
        await SaveAsync(page, form, name);

        var made = (await server.Mps.OkAsync("DescribeSmartEraseTemplates", new { Type = "Custom", Limit = 100 }))
            .GetProperty("SmartEraseTemplateSet").EnumerateArray().Single(t => t.GetProperty("Name").GetString() == name);
        var config = made.GetProperty("ErasePrivacyConfig");
        Assert.Equal(("privacy", "blur", "face"), (made.GetProperty("EraseType").GetString(), config.GetProperty("PrivacyModel").GetString(),
            string.Join(',', config.GetProperty("PrivacyTargets").EnumerateArray().Select(t => t.GetString()))));
        Assert.False(made.TryGetProperty("EraseSubtitleConfig", out var subtitle) && subtitle.ValueKind != JsonValueKind.Null, made.ToString());
    }

    [Fact]
    public async Task TwoMosaics_MadeOnATranscodeNodeWithTheListForm_AreSavedAndReadBackThroughDescribeSchedules()
    {
        var bucket = await Buckets.CreateAsync(server, "mosaic");
        var (id, page) = await OpenTranscodeScheduleAsync("mosaic-list", bucket);
        var list = page.Locator(".node-panel fieldset[data-list='MosaicSet']");
        // Added from the keyboard (focus + Enter), filled, then the second moved above the first.
        await list.GetByRole(AriaRole.Button, new() { Name = "Add mosaic" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(list.Locator("li.list-row")).ToHaveCountAsync(2);
        await FillAsync(list, "MosaicSet.0.XPos", "10px");
        await FillAsync(list, "MosaicSet.0.YPos", "20px");
        await FillAsync(list, "MosaicSet.0.Width", "64px");
        await FillAsync(list, "MosaicSet.0.Height", "32px");
        await FillAsync(list, "MosaicSet.1.XPos", "50%");
        await FillAsync(list, "MosaicSet.1.YPos", "abc");
        await FillAsync(list, "MosaicSet.1.Width", "25%");
        await FillAsync(list, "MosaicSet.1.StartTimeOffset", "1");
        await FillAsync(list, "MosaicSet.1.EndTimeOffset", "3.5");

        // The server refuses the bad YPos; the message is shown under the mosaic list, not under the node's own fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(list.Locator(".field-error[data-field='MosaicSet']")).ToContainTextAsync("InvalidParameterValue.YPos", new() { Timeout = 30_000 });
        await FillAsync(list, "MosaicSet.1.YPos", "10%");
        await list.GetByRole(AriaRole.Button, new() { Name = "Move mosaic 2 up", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await list.ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, "52-node-mosaic-list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync(ServerRoundTrip);

        var info = (await server.Mps.OkAsync("DescribeSchedules", new { ScheduleIds = new[] { id } })).GetProperty("ScheduleInfoSet")[0];
        var task = info.GetProperty("Activities")[1].GetProperty("ActivityPara").GetProperty("TranscodeTask");
        Assert.Equal(100010, task.GetProperty("Definition").GetInt64());
        Assert.Equal(
            ["TopLeft 50% 10% 25% - 1 3.5", "TopLeft 10px 20px 64px 32px 0 0"],
            task.GetProperty("MosaicSet").EnumerateArray().Select(m => string.Join(' ',
                Str(m, "CoordinateOrigin"), Str(m, "XPos"), Str(m, "YPos"), Str(m, "Width"), Str(m, "Height") ?? "-", Num(m, "StartTimeOffset"), Num(m, "EndTimeOffset"))).ToList());
    }

    private static Task FillAsync(ILocator scope, string name, string value) => scope.Locator($"[name='{name}']").FillAsync(value);

    private static async Task FillAreaAsync(ILocator form, string at, string unit, string left, string top, string right, string bottom)
    {
        await form.Locator($"select[name='{at}.Unit']").SelectOptionAsync(unit);
        await FillAsync(form, $"{at}.LeftTopX", left);
        await FillAsync(form, $"{at}.LeftTopY", top);
        await FillAsync(form, $"{at}.RightBottomX", right);
        await FillAsync(form, $"{at}.RightBottomY", bottom);
    }

    /// <summary>"begin-end: unit x0 y0 x1 y1 | …" of one EraseTimeArea as Describe returns it.</summary>
    private static string Describe(JsonElement range) =>
        $"{range.GetProperty("BeginMs").GetInt64()}-{range.GetProperty("EndMs").GetInt64()}: " + string.Join(" | ", range.GetProperty("Areas").EnumerateArray().Select(a =>
            string.Join(' ', a.GetProperty("Unit").GetInt64(), Num(a, "LeftTopX"), Num(a, "LeftTopY"), Num(a, "RightBottomX"), Num(a, "RightBottomY"))));

    private static string Num(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString(CultureInfo.InvariantCulture) : "0";
}
