using System.Text.Json.Nodes;
using Mediaflow.Application.Schedules;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// The IF node (<c>action-exec-rules</c>, DESIGN §7.4) on real sources: the first rule that holds selects its branch,
/// the other branches are SKIPPED with "branch not selected by Activities[i]", the ExecRuleTask entry says which rule
/// matched and why, the task finishes when no rule holds, and nodes under an IF node read the IF node's input.
/// </summary>
public abstract partial class EngineComplianceTests
{
    private const string NotSelected = "branch not selected by Activities[1]";

    private static Activity If(long[] next, params ExecRule[] rules) => new()
    {
        ActivityType = ActivityTypes.ExecRules,
        ReardriveIndex = next,
        ActivityPara = new ActivityPara { ExecRulesTask = new ExecRulesTaskInput { Rules = rules } },
    };

    private static ExecRule When(string? linker, long[] next, params (string Key, string Value)[] conditions) => new()
    {
        Linker = linker,
        RearDriveIndexs = next,
        Conditions = conditions.Select(c => new RuleConditionItem { Key = c.Key, Value = c.Value }).ToList(),
    };

    /// <summary>input → IF(1): [Width ≥ 300 and HasAudio] → ladder (2: 160 px, 3: 128 px), else → single rendition at the source size (4) → output.</summary>
    private static Activity[] LadderOrSingle() =>
    [
        Input(1),
        If([2, 3, 4], When("&&", [2, 3], ("Width", ">=300"), ("HasAudio", "==true")), When(null, [4])),
        Transcode(Mp4(160), "{inputName}_ladder160.{format}", 5),
        Transcode(Mp4(128), "{inputName}_ladder128.{format}", 5),
        Transcode(Mp4(0), "{inputName}_single.{format}", 5),
        Output(),
    ];

    /// <summary>The ExecRuleTask item of the IF node at Activities[index] (DescribeTaskDetail or a callback's event).</summary>
    private static JsonObject ExecRuleItem(JsonObject scheduleTask, int index)
    {
        var entry = scheduleTask["ActivityResultSet"]!.AsArray().OfType<JsonObject>().Single(r => r["MfActivityIndex"]!.GetValue<int>() == index);
        Assert.Equal("ExecRules", entry["ActivityType"]!.GetValue<string>());
        return entry["ActivityResItem"]!["ExecRuleTask"]!.AsObject();
    }

    private static IReadOnlyList<(string Key, string Value, string? Actual, bool Holds)> Evaluations(JsonObject item) =>
        item["MfEvaluations"]!.AsArray().OfType<JsonObject>()
            .Select(e => (e["Key"]!.GetValue<string>(), e["Value"]!.GetValue<string>(), e["Actual"]?.GetValue<string>(), e["Holds"]!.GetValue<bool>()))
            .ToList();

    private static IReadOnlyList<long> Selected(JsonObject item) => item["Output"]!["RearDriveIndex"]!.AsArray().Select(i => i!.GetValue<long>()).ToList();

    /// <summary>A 160×90 source without audio (1 s), generated per test.</summary>
    private async Task<string> SilentSmallVideoAsync() =>
        await TestMedia.GenerateAsync(Fixture.Root.Directory("exec-rules"), $"small-{Guid.NewGuid():N}.mp4",
            ["-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    private async Task<(long AppId, string Bucket, JsonObject Detail)> RunAsync(string purpose, string source, string key, IReadOnlyList<Activity> activities,
        TaskNotifyConfig? notify = null)
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, purpose);
        await Host.UploadAsync(appId, bucket, key, source);
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(bucket, key), Activities = activities, TaskNotifyConfig = notify });
        return (appId, bucket, await Host.WaitFinishedAsync(appId, taskId));
    }

    [Fact]
    public async Task ExecRules_WideSourceWithAudio_LadderBranchRunsSingleSkipped()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var (appId, bucket, detail) = await RunAsync("if-wide", Media.Video, "wide.mp4", LadderOrSingle(),
            new TaskNotifyConfig { NotifyType = TaskNotifyConfig.TypeUrl, NotifyMode = TaskNotifyConfig.ModeFinish, NotifyUrl = receiver.Url.ToString() });

        Assert.Equal("FINISH", TaskView.Status(detail));
        var decision = TaskView.Node(detail, 1);
        Assert.Equal(("SUCCESS", "", 100), (decision.Status, decision.ErrCodeExt, decision.Progress));
        Assert.Equal("SUCCESS", AttemptOutcome(decision));
        var item = ExecRuleItem(TaskView.ScheduleTask(detail), 1);
        Assert.Equal(0, item["MfMatchedRule"]!.GetValue<int>());
        Assert.Equal([2L, 3L], Selected(item));
        Assert.Equal([("Width", ">=300", "320", true), ("HasAudio", "==true", "true", true)], Evaluations(item));
        Assert.Null(item["Output"]!["MfEvaluations"]); // the why sits beside Output, which keeps the spec's shape

        Assert.Equal(("SUCCESS", "SUCCESS"), (TaskView.Node(detail, 2).Status, TaskView.Node(detail, 3).Status));
        var single = TaskView.Node(detail, 4);
        Assert.Equal(("SKIPPED", "", NotSelected), (single.Status, single.ErrCodeExt, single.Message));
        Assert.Empty(single.Attempts);
        Assert.Equal(["wide.mp4", "wide_ladder128.mp4", "wide_ladder160.mp4"], (await Host.ObjectCommitsAsync(bucket)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(160, (await ProbeObjectAsync(appId, bucket, "wide_ladder160.mp4")).Width);

        // The callback carries the same decision (ScheduleTaskEvent is built like DescribeTaskDetail's ScheduleTask).
        await Host.WaitForNotificationsDeliveredAsync(TaskView.ScheduleTask(detail)["TaskId"]!.GetValue<string>());
        var callback = Assert.Single(receiver.Received);
        Assert.Equal(0, ExecRuleItem(callback.Event, 1)["MfMatchedRule"]!.GetValue<int>());
        Assert.Equal(NotSelected, callback.Node(4)["Message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExecRules_SmallSilentSource_ElseBranchRunsLadderSkipped()
    {
        var (appId, bucket, detail) = await RunAsync("if-small", await SilentSmallVideoAsync(), "small.mp4", LadderOrSingle());

        var item = ExecRuleItem(TaskView.ScheduleTask(detail), 1);
        Assert.Equal(1, item["MfMatchedRule"]!.GetValue<int>());
        Assert.Equal([4L], Selected(item));
        Assert.Equal([("Width", ">=300", "160", false), ("HasAudio", "==true", "false", false)], Evaluations(item));
        Assert.All([2, 3], i => Assert.Equal(("SKIPPED", NotSelected), (TaskView.Node(detail, i).Status, TaskView.Node(detail, i).Message)));
        var single = TaskView.Node(detail, 4);
        Assert.Equal("SUCCESS", single.Status);
        var probed = await ProbeObjectAsync(appId, bucket, single.OutputKey);
        Assert.Equal((160, false), (probed.Width, probed.HasAudio));
    }

    [Fact]
    public async Task ExecRules_AudioOnlySource_HasVideoFalseSelectsAudioBranchAndPictureKeysAreMissing()
    {
        Activity[] activities =
        [
            Input(1),
            If([2, 3], When("||", [3], ("Width", "<100000"), ("VideoCodec", "!=hevc")), When("&&", [2], ("HasVideo", "false"), ("AudioCodec", "aac"))),
            Transcode(M4a(), "{inputName}_audio.{format}", 4),
            Transcode(Mp4(160), "{inputName}_video.{format}", 4),
            Output(),
        ];
        var (appId, bucket, detail) = await RunAsync("if-audio", Media.AudioOnly, "voice.m4a", activities);

        var item = ExecRuleItem(TaskView.ScheduleTask(detail), 1);
        Assert.Equal(1, item["MfMatchedRule"]!.GetValue<int>());
        // No video stream: Width and VideoCodec are missing, so even "!=" does not hold (recorded with a null Actual).
        Assert.Equal(
            [("Width", "<100000", null, false), ("VideoCodec", "!=hevc", null, false), ("HasVideo", "false", "false", true), ("AudioCodec", "aac", "aac", true)],
            Evaluations(item));
        Assert.Equal("SUCCESS", TaskView.Node(detail, 2).Status);
        Assert.Equal(("SKIPPED", NotSelected), (TaskView.Node(detail, 3).Status, TaskView.Node(detail, 3).Message));
        Assert.True((await ProbeObjectAsync(appId, bucket, "voice_audio.m4a")).HasAudio);
    }

    [Fact]
    public async Task ExecRules_NoRuleHolds_NothingBelowRunsAndTaskFinishesClean()
    {
        Activity[] activities =
        [
            Input(1, 4),
            If([2, 3], When("&&", [2], ("Width", ">=1280")), When("&&", [3], ("VideoCodec", "hevc"))),
            Transcode(Mp4(160), "{inputName}_hd.{format}", 5),
            Transcode(Mp4(128), "{inputName}_hevc.{format}", 5),
            Transcode(M4a(), "{inputName}_always.{format}", 5),
            Output(),
        ];
        var (_, bucket, detail) = await RunAsync("if-none", Media.Video, "clip.mp4", activities);

        Assert.Equal(("FINISH", 0), (TaskView.Status(detail), TaskView.ErrCode(detail)));
        var decision = TaskView.Node(detail, 1);
        Assert.Equal("SUCCESS", decision.Status);
        Assert.Contains("no rule holds", decision.Message, StringComparison.Ordinal);
        var item = ExecRuleItem(TaskView.ScheduleTask(detail), 1);
        Assert.Equal(-1, item["MfMatchedRule"]!.GetValue<int>());
        Assert.Empty(Selected(item));
        Assert.Equal([("Width", ">=1280", "320", false), ("VideoCodec", "hevc", "h264", false)], Evaluations(item));
        Assert.All([2, 3], i => Assert.Equal(("SKIPPED", NotSelected), (TaskView.Node(detail, i).Status, TaskView.Node(detail, i).Message)));
        Assert.Equal("SUCCESS", TaskView.Node(detail, 4).Status); // a sibling of the IF node is not affected
        Assert.Equal(["clip.mp4", "clip_always.m4a"], (await Host.ObjectCommitsAsync(bucket)).Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>trans(160) → IF → trans(keep size): the node under the IF node reads the transcode's 160×90 output
    /// (the IF node passes its input through), while the condition reads the source's 320 px.</summary>
    [Fact]
    public async Task ExecRules_UnderATranscode_PassesTheTranscodesOutputThrough()
    {
        Activity[] activities =
        [
            Input(1),
            Transcode(Mp4(160), "{inputName}_small.{format}", 2),
            new() { ActivityType = ActivityTypes.ExecRules, ReardriveIndex = [3], ActivityPara = new ActivityPara { ExecRulesTask = new ExecRulesTaskInput { Rules = [When(null, [3], ("Width", "320"))] } } },
            Transcode(Mp4(0), "{inputName}_again.{format}", 4),
            Output(),
        ];
        var (appId, bucket, detail) = await RunAsync("if-chain", Media.Video, "chain.mp4", activities);

        Assert.Equal([("Width", "320", "320", true)], Evaluations(ExecRuleItem(TaskView.ScheduleTask(detail), 2)));
        var again = TaskView.Node(detail, 3);
        Assert.Equal("SUCCESS", again.Status);
        var probed = await ProbeObjectAsync(appId, bucket, again.OutputKey);
        Assert.Equal((160, 90), (probed.Width, probed.Height));
    }

    /// <summary>IF under IF: the inner IF node on the selected branch is decided in the same change; the one on the
    /// other branch is SKIPPED, and so is everything below it.</summary>
    [Fact]
    public async Task ExecRules_NestedIfNodes_InnerDecidedOnTheSelectedBranchOnly()
    {
        Activity[] activities =
        [
            Input(1),
            If([2, 3], When(null, [2], ("Width", ">=300")), When(null, [3])),
            If([4], When(null, [4], ("HasAudio", "true"))),
            If([5], When(null, [5])),
            Transcode(M4a(), "{inputName}_audio.{format}", 6),
            Transcode(Mp4(0), "{inputName}_video.{format}", 6),
            Output(),
        ];
        var (_, bucket, detail) = await RunAsync("if-nested", Media.Video, "nested.mp4", activities);

        Assert.Equal([4L], Selected(ExecRuleItem(TaskView.ScheduleTask(detail), 2)));
        Assert.Equal(("SKIPPED", NotSelected), (TaskView.Node(detail, 3).Status, TaskView.Node(detail, 3).Message));
        Assert.Empty(TaskView.Node(detail, 3).Attempts);
        Assert.Equal("SUCCESS", TaskView.Node(detail, 4).Status);
        Assert.Equal(("SKIPPED", "predecessor Activities[3] was skipped"), (TaskView.Node(detail, 5).Status, TaskView.Node(detail, 5).Message));
        Assert.Equal(["nested.mp4", "nested_audio.m4a"], (await Host.ObjectCommitsAsync(bucket)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExecRules_Schedule_RawStringsRoundTripAndBadRulesRefused()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "if-schedule");
        Activity[] activities =
        [
            Input(1),
            If([2, 3], When("||", [2], ("Width", " >=  1280 "), ("Container", "MP4"), ("HasAudio", "")), When(null, [3])),
            Transcode(Mp4(160), "{inputName}_a.{format}", 4),
            Transcode(Mp4(128), "{inputName}_b.{format}", 4),
            Output(),
        ];
        var definition = new OrchestrationDefinition { ScheduleName = $"if-{appId}", Trigger = UploadTrigger(bucket), Activities = activities };
        var scheduleId = await Host.CreateScheduleAsync(appId, definition);

        var (_, items) = await Host.WithAsync<ScheduleService, (long, List<JsonObject>)>(s => s.DescribeAsync(appId, new DescribeSchedulesQuery([scheduleId], null, null, 0, 10), CancellationToken.None));
        var rules = items.Single()["Activities"]![1]!["ActivityPara"]!["ExecRulesTask"]!["Rules"]!.AsArray();
        Assert.Equal([" >=  1280 ", "MP4", ""], rules[0]!["Conditions"]!.AsArray().Select(c => c!["Value"]!.GetValue<string>()));
        Assert.Equal("||", rules[0]!["Linker"]!.GetValue<string>());
        Assert.Equal([2L], rules[0]!["RearDriveIndexs"]!.AsArray().Select(i => i!.GetValue<long>()));
        Assert.Empty(rules[1]!["Conditions"]!.AsArray());

        var unknown = await Assert.ThrowsAsync<ApiException>(() => Host.CreateScheduleAsync(appId, definition with
        {
            ScheduleName = $"if-bad-{appId}",
            Activities = [.. activities.Take(1), If([2, 3], When(null, [2], ("Blur", "true"))), .. activities.Skip(2)],
        }));
        Assert.Equal(ApiErrorCodes.InvalidParameterValue, unknown.Code);
        Assert.StartsWith("Activities[1]: Rules[0].Conditions[0].Key 'Blur' is produced by action-AIQualityControl", unknown.Message, StringComparison.Ordinal);

        var badOperator = await Assert.ThrowsAsync<ApiException>(() => Host.WithAsync<ScheduleService>(s => s.ModifyAsync(appId, scheduleId, new ScheduleChanges
        {
            ScheduleId = scheduleId,
            Activities = [.. activities.Take(1), If([2, 3], When(null, [2], ("Width", "=>1280"))), .. activities.Skip(2)],
        }, CancellationToken.None)));
        Assert.Equal(ApiErrorCodes.InvalidParameterValue, badOperator.Code);
        Assert.StartsWith("Activities[1]: Rules[0].Conditions[0].Value '=>1280'", badOperator.Message, StringComparison.Ordinal);
    }

    private static string AttemptOutcome(NodeResult node) => Assert.Single(node.Attempts)["Outcome"]!.GetValue<string>();
}
