using System.Text.Json.Nodes;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// Issue 5's end-to-end orchestration: inspect (content pass), then branch on what the inspection found —
/// QC(1) → IF(2): rule 0 "Blur or BlackWhiteEdge detected" → enhance + transcode (3); rule 1 <c>Height &gt;= 720</c> →
/// ladder (4, 5); rule 2 (no conditions, the else) → single rendition (6). Three generated inputs take the three
/// branches (the enhance branch twice: through BlackWhiteEdge and through Blur); the other branches' nodes are SKIPPED and the QC figures that decided it are in the task detail.
/// </summary>
public abstract partial class EngineComplianceTests
{
    private const string NotSelectedByIf = "branch not selected by Activities[2]";

    private static readonly string[] QcThenIfItems = ["Blur", "BlackWhiteEdge", "Noise", "SolidColorScreen", "Freeze"];

    private static Activity[] QcThenIf(long template) =>
    [
        Input(1),
        QualityControl(template, 2),
        If([3, 4, 5, 6],
            When("||", [3], ("Blur", "true"), ("BlackWhiteEdge", "")),
            When("&&", [4, 5], ("Height", ">=720")),
            When(null, [6])),
        Transcode(Enhanced(), "{inputName}_enhanced.{format}", 7),
        Transcode(Mp4(320), "{inputName}_ladder320.{format}", 7),
        Transcode(Mp4(160), "{inputName}_ladder160.{format}", 7),
        Transcode(Mp4(0), "{inputName}_single.{format}", 7),
        Output(),
    ];

    /// <summary>H.264 at the input's size with weak denoising and full sharpening (docs/enhancement.md).</summary>
    private static TranscodeTemplate Enhanced() => Mp4(0) with
    {
        EnhanceConfig = new EnhanceConfig
        {
            VideoEnhance = new VideoEnhanceConfig
            {
                Denoise = new EnhanceSwitch { Switch = "ON", Type = "weak" },
                SharpEnhance = new EnhanceIntensity { Switch = "ON", Intensity = 1.0 },
            },
        },
    };

    private async Task<(long AppId, string Bucket, JsonObject Detail)> RunQcThenIfAsync(string purpose, string source, string key)
    {
        var appId = NewAppId();
        var template = await CreateQualityControlTemplateAsync(appId, [.. QcThenIfItems.Select(t => new QualityControlItemConfig { Type = t })]);
        var bucket = await NewBucketAsync(appId, purpose);
        await Host.UploadAsync(appId, bucket, key, source);
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(bucket, key), Activities = QcThenIf(template) });
        return (appId, bucket, await Host.WaitFinishedAsync(appId, taskId));
    }

    /// <summary>testsrc2 + a tone, <paramref name="seconds"/> long, with an optional extra video filter chain.</summary>
    private async Task<string> QcSourceAsync(string name, string size, double seconds, string? filters = null)
    {
        var video = FormattableString.Invariant($"testsrc2=size={size}:rate=25:duration={seconds}") + (filters is null ? "" : "," + filters);
        return await TestMedia.GenerateAsync(Fixture.Root.Directory("qc-if"), $"{Guid.NewGuid():N}-{name}",
            ["-f", "lavfi", "-i", video, "-f", "lavfi", "-i", FormattableString.Invariant($"sine=frequency=440:sample_rate=48000:duration={seconds}"),
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest"]);
    }

    private static IReadOnlyList<string> FoundTypes(JsonObject qc) =>
        qc["QualityControlResultSet"]!.AsArray().OfType<JsonObject>().Select(a => a["Type"]!.GetValue<string>()).ToList();

    private static void AssertSkipped(JsonObject detail, params int[] indexes) =>
        Assert.All(indexes, i =>
        {
            var node = TaskView.Node(detail, i);
            Assert.Equal(("SKIPPED", "", NotSelectedByIf), (node.Status, node.ErrCodeExt, node.Message));
            Assert.Empty(node.Attempts);
        });

    [Fact]
    public async Task QcThenIf_LetterboxedSmallClip_TakesTheEnhanceBranch()
    {
        // 320×180 picture letterboxed into 320×240: 30 black rows at the top and at the bottom (12.5 % of the height).
        var source = await QcSourceAsync("letterbox.mp4", "320x180", 2, "pad=320:240:0:30:black");
        var (appId, bucket, detail) = await RunQcThenIfAsync("qcif-edge", source, "letterbox.mp4");

        Assert.Equal(("FINISH", 0), (TaskView.Status(detail), TaskView.ErrCode(detail)));
        var qc = Succeeded(detail, 1);
        Assert.Contains("BlackWhiteEdge", FoundTypes(qc));
        Assert.DoesNotContain("Blur", FoundTypes(qc));
        var edge = qc["QualityControlResultSet"]!.AsArray().OfType<JsonObject>().Single(a => a["Type"]!.GetValue<string>() == "BlackWhiteEdge");
        var top = edge["QualityControlItems"]![0]!.AsObject();
        Assert.Equal(0, top["StartTimeOffset"]!.GetValue<double>(), 0.5);
        Assert.Equal(2, top["EndTimeOffset"]!.GetValue<double>(), 0.5);

        var item = ExecRuleItem(TaskView.ScheduleTask(detail), 2);
        Assert.Equal(0, item["MfMatchedRule"]!.GetValue<int>());
        Assert.Equal([3L], Selected(item));
        Assert.Equal(
            [("Blur", "true", "false", false), ("BlackWhiteEdge", "", "true", true)],
            Evaluations(item).Take(2));
        Assert.Equal("Rules[0] holds; runs Activities[3]", TaskView.Node(detail, 2).Message);

        var enhanced = TaskView.Node(detail, 3);
        Assert.Equal("SUCCESS", enhanced.Status);
        var probed = await ProbeObjectAsync(appId, bucket, enhanced.OutputKey);
        Assert.Equal((320, 240), (probed.Width, probed.Height));
        AssertSkipped(detail, 4, 5, 6);
        Assert.Equal(["letterbox.mp4", "letterbox_enhanced.mp4"], (await Host.ObjectCommitsAsync(bucket)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QcThenIf_BlurredSmallClip_TakesTheEnhanceBranchThroughBlur()
    {
        var source = await QcSourceAsync("blurred.mp4", "320x180", 2, "gblur=sigma=8");
        var (appId, bucket, detail) = await RunQcThenIfAsync("qcif-blur", source, "blurred.mp4");

        Assert.Equal(("FINISH", 0), (TaskView.Status(detail), TaskView.ErrCode(detail)));
        var qc = Succeeded(detail, 1);
        Assert.Contains("Blur", FoundTypes(qc));
        Assert.DoesNotContain("BlackWhiteEdge", FoundTypes(qc));
        var blur = qc["QualityControlResultSet"]!.AsArray().OfType<JsonObject>().Single(a => a["Type"]!.GetValue<string>() == "Blur");
        var range = blur["QualityControlItems"]![0]!.AsObject();
        Assert.Equal(0, range["StartTimeOffset"]!.GetValue<double>(), 0.5);
        Assert.Equal(2, range["EndTimeOffset"]!.GetValue<double>(), 0.5);

        var item = ExecRuleItem(TaskView.ScheduleTask(detail), 2);
        Assert.Equal(0, item["MfMatchedRule"]!.GetValue<int>());
        Assert.Equal([3L], Selected(item));
        Assert.Equal(("Blur", "true", "true", true), Evaluations(item)[0]);
        Assert.Equal("Rules[0] holds; runs Activities[3]", TaskView.Node(detail, 2).Message);

        Assert.Equal((320, 180), await SizeAsync(appId, bucket, TaskView.Node(detail, 3)));
        AssertSkipped(detail, 4, 5, 6);
        Assert.Equal(["blurred.mp4", "blurred_enhanced.mp4"], (await Host.ObjectCommitsAsync(bucket)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QcThenIf_CleanHdClip_TakesTheLadderBranch()
    {
        var source = await QcSourceAsync("hd.mp4", "1280x720", 1);
        var (appId, bucket, detail) = await RunQcThenIfAsync("qcif-hd", source, "hd.mp4");

        Assert.Equal(("FINISH", 0), (TaskView.Status(detail), TaskView.ErrCode(detail)));
        var qc = Succeeded(detail, 1);
        Assert.DoesNotContain("Blur", FoundTypes(qc));
        Assert.DoesNotContain("BlackWhiteEdge", FoundTypes(qc));
        Assert.False(qc["NoAudio"]!.GetValue<bool>());

        var item = ExecRuleItem(TaskView.ScheduleTask(detail), 2);
        Assert.Equal(1, item["MfMatchedRule"]!.GetValue<int>());
        Assert.Equal([4L, 5L], Selected(item));
        Assert.Equal(
            [("Blur", "true", "false", false), ("BlackWhiteEdge", "", "false", false), ("Height", ">=720", "720", true)],
            Evaluations(item));

        Assert.Equal((320, 180), await SizeAsync(appId, bucket, TaskView.Node(detail, 4)));
        Assert.Equal((160, 90), await SizeAsync(appId, bucket, TaskView.Node(detail, 5)));
        AssertSkipped(detail, 3, 6);
        Assert.Equal(["hd.mp4", "hd_ladder160.mp4", "hd_ladder320.mp4"], (await Host.ObjectCommitsAsync(bucket)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QcThenIf_CleanSmallClip_TakesTheElseBranch()
    {
        var source = await QcSourceAsync("small.mp4", "320x180", 2);
        var (appId, bucket, detail) = await RunQcThenIfAsync("qcif-small", source, "small.mp4");

        Assert.Equal(("FINISH", 0), (TaskView.Status(detail), TaskView.ErrCode(detail)));
        var qc = Succeeded(detail, 1);
        Assert.DoesNotContain("Blur", FoundTypes(qc));
        Assert.DoesNotContain("BlackWhiteEdge", FoundTypes(qc));

        var item = ExecRuleItem(TaskView.ScheduleTask(detail), 2);
        Assert.Equal(2, item["MfMatchedRule"]!.GetValue<int>());
        Assert.Equal([6L], Selected(item));
        Assert.Equal(
            [("Blur", "true", "false", false), ("BlackWhiteEdge", "", "false", false), ("Height", ">=720", "180", false)],
            Evaluations(item));

        Assert.Equal((320, 180), await SizeAsync(appId, bucket, TaskView.Node(detail, 6)));
        AssertSkipped(detail, 3, 4, 5);
        Assert.Equal(["small.mp4", "small_single.mp4"], (await Host.ObjectCommitsAsync(bucket)).Keys.Order(StringComparer.Ordinal));
    }

    private async Task<(int Width, int Height)> SizeAsync(long appId, string bucket, NodeResult node)
    {
        Assert.Equal("SUCCESS", node.Status);
        var probed = await ProbeObjectAsync(appId, bucket, node.OutputKey);
        return (probed.Width, probed.Height);
    }
}
