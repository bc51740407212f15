using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediaflow.ConsoleTests.Support;
using Microsoft.Playwright;

namespace Mediaflow.ConsoleTests.Browser;

/// <summary>
/// The typed template form (fields read back through the API; a server error shown next to its field), the sprite
/// viewer (the thumbnail at a hovered time is the VTT's cue), the QC findings timeline (markers where
/// DescribeTaskDetail puts the findings), a session surviving a server restart, and the sign-in limit's 429 in the page.
/// </summary>
public sealed partial class FormsSpriteAndSessionTests(BuiltConsoleServer server, Chromium chromium) : IClassFixture<BuiltConsoleServer>, IClassFixture<Chromium>
{
    /// <summary>Waits on a server round trip (sign-in, save): generous, as the CI machine runs test projects in parallel.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions ServerRoundTrip = new() { Timeout = 30_000 };

    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToNode2 = [2];

    private Uri ConsoleUri(string hash = "") => new(server.Api, "/console/" + hash);

    private async Task<IPage> SignedInPageAsync(string hash = "")
    {
        var page = await chromium.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync(ConsoleUri().ToString());
        await page.Locator("input[name=SecretId]").FillAsync(server.Account.SecretId);
        await page.Locator("input[name=SecretKey]").FillAsync(server.Account.SecretKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orchestrations", Exact = true })).ToBeVisibleAsync(ServerRoundTrip);
        if (hash.Length > 0)
        {
            await page.GotoAsync(ConsoleUri(hash).ToString());
        }

        return page;
    }

    private static async Task<ILocator> NewTranscodeFormAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New Transcode template" }).ClickAsync();
        var form = page.Locator("form.template-form");
        await form.Locator("input[name='Name']").FillAsync(name);
        return form;
    }

    [Fact]
    public async Task TranscodeTemplate_MadeWithTheForm_ReadsBackThroughTheApiWithItsFields()
    {
        var page = await SignedInPageAsync("#/templates/Transcode");
        var name = "form-" + Guid.NewGuid().ToString("N")[..6];
        var form = await NewTranscodeFormAsync(page, name);
        await form.Locator("select[name='Container']").SelectOptionAsync("mp4");
        await form.Locator("select[name='VideoTemplate.Codec']").SelectOptionAsync("h264");
        await form.Locator("input[name='VideoTemplate.Bitrate']").FillAsync("800");
        await form.Locator("select[name='VideoTemplate.ResolutionAdaptive']").SelectOptionAsync("close");
        await form.Locator("input[name='VideoTemplate.Width']").FillAsync("640");
        await form.Locator("input[name='VideoTemplate.Height']").FillAsync("360");
        await form.Locator("select[name='AudioTemplate.Codec']").SelectOptionAsync("aac");
        await form.Locator("select[name='AudioTemplate.SampleRate']").SelectOptionAsync("44100");
        await form.Locator("select[name='AudioTemplate.AudioChannel']").SelectOptionAsync("2");
        await Chromium.ScreenshotAsync(page, "20-template-form");

        // Enter in a field submits the form (keyboard use).
        await form.Locator("input[name='Name']").PressAsync("Enter");
        await Assertions.Expect(page.Locator("form.template-form")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync(ServerRoundTrip);

        var templates = await server.Mps.OkAsync("DescribeTranscodeTemplates", new { Type = "Custom", Limit = 100 });
        var made = templates.GetProperty("TranscodeTemplateSet").EnumerateArray().Single(t => t.GetProperty("Name").GetString() == name);
        var video = made.GetProperty("VideoTemplate");
        var audio = made.GetProperty("AudioTemplate");
        Assert.Equal("mp4", made.GetProperty("Container").GetString());
        Assert.Equal(("h264", 800L, "close", 640L, 360L), (video.GetProperty("Codec").GetString(), video.GetProperty("Bitrate").GetInt64(),
            video.GetProperty("ResolutionAdaptive").GetString(), video.GetProperty("Width").GetInt64(), video.GetProperty("Height").GetInt64()));
        Assert.Equal(("aac", 44100L, 2L), (audio.GetProperty("Codec").GetString(), audio.GetProperty("SampleRate").GetInt64(), audio.GetProperty("AudioChannel").GetInt64()));
    }

    [Fact]
    public async Task Vp9InMp4_TheServersRefusal_IsShownNextToTheVideoCodecField()
    {
        var page = await SignedInPageAsync("#/templates/Transcode");
        var form = await NewTranscodeFormAsync(page, "vp9-in-mp4");
        await form.Locator("select[name='Container']").SelectOptionAsync("mp4");
        await form.Locator("select[name='VideoTemplate.Codec']").SelectOptionAsync("vp9");
        await form.Locator("select[name='AudioTemplate.Codec']").SelectOptionAsync("aac");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var error = form.Locator(".field-error[data-field='VideoTemplate.Codec']");
        await Assertions.Expect(error).ToContainTextAsync("InvalidParameterValue.VideoCodec", new() { Timeout = 30_000 });
        await Assertions.Expect(error).ToContainTextAsync("vp9");
        await Assertions.Expect(form.Locator("select[name='VideoTemplate.Codec']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.Locator(".field-error")).ToHaveCountAsync(1);
        await Chromium.ScreenshotAsync(page, "21-template-field-error");
        var templates = await server.Mps.OkAsync("DescribeTranscodeTemplates", new { Type = "Custom", Limit = 100 });
        Assert.DoesNotContain(templates.GetProperty("TranscodeTemplateSet").EnumerateArray(), t => t.GetProperty("Name").GetString() == "vp9-in-mp4");
    }

    [Fact]
    public async Task SpriteOutput_TheThumbnailAtAHoveredTime_IsTheVttCueForThatTime()
    {
        var bucket = await Buckets.CreateAsync(server, "sprite");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 4);
        await Buckets.PutFileAsync(server, bucket, "clip.mp4", clip);
        var template = (await server.Mps.OkAsync("CreateImageSpriteTemplate", new
        {
            Name = "sprite-1s", SampleType = "Time", SampleInterval = 1, RowCount = 2, ColumnCount = 2, Width = 64, Height = 48, Format = "jpg",
        })).GetProperty("Definition").GetInt64();
        var taskId = await server.Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, "clip.mp4"),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/sprites/",
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-image-sprite", ReardriveIndex = ToNode2, ActivityPara = new { ImageSpriteTask = new { Definition = template } } },
                new { ActivityType = "output" },
            },
        });
        var detail = await server.Mps.WaitForFinishAsync(taskId);
        var output = SpriteOutput(detail);
        var vttKey = output.GetProperty("WebVttPath").GetString()!.TrimStart('/');
        using var s3 = server.S3For(server.Account);
        using var vttObject = await s3.GetObjectAsync(bucket, vttKey);
        using var reader = new StreamReader(vttObject.ResponseStream);
        var cues = ParseCues(await reader.ReadToEndAsync());
        Assert.True(cues.Count >= 3, string.Join('\n', cues));

        var page = await SignedInPageAsync($"#/tasks/{taskId}");
        var viewer = page.Locator(".sprite-viewer");
        await Assertions.Expect(viewer).ToBeVisibleAsync(ServerRoundTrip);
        var scrub = viewer.Locator(".scrub");
        var box = (await scrub.BoundingBoxAsync())!;
        var thumb = viewer.Locator(".thumb");
        foreach (var fraction in new[] { 0.1, 0.45, 0.8 })
        {
            await scrub.HoverAsync(new() { Position = new() { X = (float)(box.Width * fraction), Y = box.Height / 2 } });
            var shownTime = double.Parse(await thumb.GetAttributeAsync("data-time") ?? "", CultureInfo.InvariantCulture);
            var cue = cues.Single(c => c.Start <= shownTime && shownTime < c.End);
            Assert.Equal($"{cue.X},{cue.Y},{cue.W},{cue.H}", await thumb.GetAttributeAsync("data-xywh"));
            var style = await thumb.GetAttributeAsync("style") ?? "";
            Assert.Equal($"{-cue.X}px {-cue.Y}px", await thumb.EvaluateAsync<string>("e => getComputedStyle(e).backgroundPosition"));
            Assert.Contains(Uri.EscapeDataString(vttKey[..(vttKey.LastIndexOf('/') + 1)] + cue.Sheet), style, StringComparison.Ordinal);
        }

        await Chromium.ScreenshotAsync(page, "22-task-sprite");
    }

    [Fact]
    public async Task QcFindings_TimelineMarkers_SitWhereDescribeTaskDetailPutsTheFindings()
    {
        var bucket = await Buckets.CreateAsync(server, "qc");
        var clip = Path.Combine(server.WorkDirectory, bucket + ".mp4");
        // 4 s of testsrc2 with a black picture from 2.0 to 3.0 s.
        await FfmpegAsync("-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=4,drawbox=color=black:t=fill:enable='between(t,2,3)'",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip);
        await Buckets.PutFileAsync(server, bucket, "black.mp4", clip);
        var template = (await server.Mps.OkAsync("CreateQualityControlTemplate", new
        {
            Name = "black-only", QualityControlItemSet = new[] { new { Type = "SolidColorScreen", Switch = "ON" } },
        })).GetProperty("Definition").GetInt64();
        var taskId = await server.Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, "black.mp4"),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-AIQualityControl", ReardriveIndex = ToNode2, ActivityPara = new { QualityControlTask = new { Definition = template } } },
                new { ActivityType = "output" },
            },
        });
        var detail = await server.Mps.WaitForFinishAsync(taskId);
        var qc = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray()
            .Single(r => r.GetProperty("MfActivityIndex").GetInt32() == 1).GetProperty("ActivityResItem").EnumerateObject().Single().Value.GetProperty("Output");
        var solid = qc.GetProperty("QualityControlResultSet").EnumerateArray().Single(r => r.GetProperty("Type").GetString() == "SolidColorScreen");
        var items = solid.GetProperty("QualityControlItems").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        var duration = detail.GetProperty("ScheduleTask").TryGetProperty("MetaData", out var meta) && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("Duration", out var d)
            ? (d.ValueKind == JsonValueKind.Number ? d.GetDouble() : double.Parse(d.GetString() ?? "0", CultureInfo.InvariantCulture))
            : 0;
        var end = Math.Max(duration, items.Max(i => i.GetProperty("EndTimeOffset").GetDouble()));

        var page = await SignedInPageAsync($"#/tasks/{taskId}");
        var markers = page.Locator(".qc-row[data-type='SolidColorScreen'] .qc-span");
        await Assertions.Expect(markers).ToHaveCountAsync(items.Count, new() { Timeout = 30_000 });
        var track = (await page.Locator(".qc-row[data-type='SolidColorScreen'] .qc-track").BoundingBoxAsync())!;
        for (var i = 0; i < items.Count; i++)
        {
            var marker = (await markers.Nth(i).BoundingBoxAsync())!;
            var start = items[i].GetProperty("StartTimeOffset").GetDouble();
            Assert.InRange((marker.X - track.X) / track.Width, (start / end) - 0.01, (start / end) + 0.01);
            Assert.InRange(start, 1.5, 2.5);
        }

        await Chromium.ScreenshotAsync(page, "23-task-qc-timeline");
    }

    [Fact]
    public async Task SignedIn_ThenTheServerRestarts_TheNextPageLoadIsStillSignedIn()
    {
        var page = await SignedInPageAsync();

        await server.RestartAsync();
        await page.GotoAsync(ConsoleUri("#/tasks").ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tasks" })).ToBeVisibleAsync(ServerRoundTrip);
        await Assertions.Expect(page.Locator("input[name=SecretKey]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TooManyBadSignIns_TheLimitsMessageIsShown()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(ConsoleUri().ToString());
        // A SecretId of no key: its failures count for that name only, so the account's own key stays usable by the other tests.
        await page.Locator("input[name=SecretId]").FillAsync("AKIDnobody" + Guid.NewGuid().ToString("N")[..8]);
        var alert = page.Locator(".signin [role=alert]");
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            await page.Locator("input[name=SecretKey]").FillAsync("wrong-" + i);
            var answer = await page.RunAndWaitForResponseAsync(
                () => page.Locator("input[name=SecretKey]").PressAsync("Enter"),
                r => r.Url.EndsWith("/console/api/session", StringComparison.Ordinal) && r.Request.Method == "POST");
            statuses.Add(answer.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeEnabledAsync();
        }

        Assert.Equal([401, 401, 401, 401, 401, 429], statuses);

        await Assertions.Expect(alert).ToContainTextAsync(new Regex("Too many failed sign-ins for this user; try again in \\d+ s"));
        await Chromium.ScreenshotAsync(page, "24-sign-in-limited");
    }

    private static JsonElement SpriteOutput(JsonElement detail)
    {
        var item = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray()
            .Single(r => r.GetProperty("MfActivityIndex").GetInt32() == 1).GetProperty("ActivityResItem").GetProperty("ImageSpriteTask");
        Assert.True(item.GetProperty("Status").GetString() == "SUCCESS", item.ToString());
        return item.GetProperty("Output");
    }

    private sealed record Cue(double Start, double End, string Sheet, int X, int Y, int W, int H);

    private static List<Cue> ParseCues(string vtt) =>
        CueLine().Matches(vtt).Select(m => new Cue(Seconds(m.Groups[1].Value), Seconds(m.Groups[2].Value), m.Groups[3].Value,
            int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[6].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture))).ToList();

    private static double Seconds(string time) => TimeSpan.ParseExact(time, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture).TotalSeconds;

    [GeneratedRegex(@"(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n([^#\n]+)#xywh=(\d+),(\d+),(\d+),(\d+)")]
    private static partial Regex CueLine();

    private static async Task FfmpegAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
    }
}
