using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Ai;

/// <summary>
/// Word samples, content-review templates and the <c>action-aiReview</c> node through the real server
/// (docs/media-ai-review.md), including the end-to-end orchestration recognition → review → IF (block → stop, else transcode).
/// </summary>
public sealed class ContentReviewTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Forbidden = "in/forbidden.mp4";
    private const string Clean = "in/clean.mp4";
    private static readonly string[] Review = ["Review"];
    private static readonly string[] ReviewAsr = ["Review.Asr"];
    private static readonly string[] RecognitionOcr = ["Recognition.Ocr"];
    private static readonly string[] Drugs = ["drugs"];
    private static readonly string[] AllWords = ["moonshine", "假药", "lighthouse"];
    private static readonly string[] TwoWords = ["moonshine", "lighthouse"];
    private static readonly string[] Moonshine = ["moonshine"];
    private static readonly string[] Fresh = ["fresh"];
    private static readonly string[] Door = ["door"];
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToNode2 = [2];
    private static readonly int[] ToNode3 = [3];
    private static readonly int[] ToNode4 = [4];
    private static readonly int[] ToNode5 = [5];
    private static readonly int[] Nothing = [];
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "review");
        await PutClipAsync(Forbidden, "the bag is full of cocaine", "COCAINE");
        await PutClipAsync(Clean, "please open the door", "GATE 12");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>4 s, 320×180: the sentence spoken from 1 s (flite, voice rms), the text shown from 1.0 to 2.5 s.</summary>
    private async Task PutClipAsync(string key, string said, string shown)
    {
        var clip = Path.Combine(server.WorkDirectory, bucket + Path.GetFileName(key));
        await TestMedia.FfmpegAsync(
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "color=c=black:s=320x180:r=25:d=4",
            "-f", "lavfi", "-i", $"flite=text='{said}':voice=rms",
            "-filter_complex", $"[0:v]drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='{shown}':fontsize=32:fontcolor=white:x=60:y=70:enable='between(t,1,2.5)'[v];[1:a]adelay=1000,apad[a]",
            "-map", "[v]", "-map", "[a]", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", clip,
        ]);
        await Buckets.PutFileAsync(server, bucket, key, clip);
    }

    private async Task<MpsClient> OtherAccountAsync()
    {
        var created = await MediaflowCli.RunAsync("accounts", "create", "--json", "--data-dir", server.DataDirectory);
        using var account = JsonDocument.Parse(created.Stdout);
        return server.MpsFor(new AccountKey(account.RootElement.GetProperty("AppId").GetInt64(),
            account.RootElement.GetProperty("SecretId").GetString()!, account.RootElement.GetProperty("SecretKey").GetString()!));
    }

    [Fact]
    public async Task WordSamples_CreateDescribeModifyDelete_RoundTripsPerAccount()
    {
        await Mps.OkAsync("CreateWordSamples", new { Usages = Review, Words = new object[] { new { Keyword = "moonshine", Tags = Drugs }, new { Keyword = "假药" } } });
        await Mps.OkAsync("CreateWordSamples", new { Usages = RecognitionOcr, Words = new object[] { new { Keyword = "lighthouse" } } });

        var review = await Mps.OkAsync("DescribeWordSamples", new { Usages = ReviewAsr, Keywords = AllWords });
        Assert.Equal(2, review.GetProperty("TotalCount").GetInt32());
        var moonshine = review.GetProperty("WordSet").EnumerateArray().Single(w => w.GetProperty("Keyword").GetString() == "moonshine");
        Assert.Equal(["drugs"], moonshine.GetProperty("TagSet").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["Review"], moonshine.GetProperty("UsageSet").EnumerateArray().Select(t => t.GetString()));
        Assert.EndsWith("Z", moonshine.GetProperty("CreateTime").GetString(), StringComparison.Ordinal);

        await Mps.OkAsync("ModifyWordSample", new { Keyword = "lighthouse", Usages = Review, TagOperationInfo = new { Type = "add", Tags = Drugs } });
        var byTag = await Mps.OkAsync("DescribeWordSamples", new { Tags = Drugs, Keywords = TwoWords });
        Assert.Equal(2, byTag.GetProperty("TotalCount").GetInt32());

        var other = await OtherAccountAsync();
        Assert.Equal(0, (await other.OkAsync("DescribeWordSamples", new { Keywords = Moonshine })).GetProperty("TotalCount").GetInt32());
        (await other.CallAsync("DeleteWordSamples", new { Keywords = Moonshine })).AssertError("ResourceNotFound.Word");

        await Mps.OkAsync("DeleteWordSamples", new { Keywords = AllWords });
        Assert.Equal(0, (await Mps.OkAsync("DescribeWordSamples", new { Keywords = AllWords })).GetProperty("TotalCount").GetInt32());
    }

    [Theory]
    [InlineData("CreateWordSamples", """{"Usages":["Review"],"Words":[{"Keyword":"twice"},{"Keyword":"twice"}]}""", "InvalidParameterValue.Keyword")]
    [InlineData("CreateWordSamples", """{"Usages":["Review"],"Words":[{"Keyword":"abcdefghijklmnopqrstu"}]}""", "InvalidParameterValue.Keyword")]
    [InlineData("CreateWordSamples", """{"Usages":["Review.Face"],"Words":[{"Keyword":"x"}]}""", "InvalidParameterValue.Usages")]
    [InlineData("CreateWordSamples", """{"Usages":["Review"],"Words":[]}""", "MissingParameter")]
    [InlineData("CreateWordSamples", """{"Usages":["Review"],"Words":[{"Keyword":"t","Tags":[""]}]}""", "InvalidParameterValue.Tags")]
    [InlineData("ModifyWordSample", """{"Keyword":"never-created"}""", "ResourceNotFound.Word")]
    [InlineData("DeleteWordSamples", """{"Keywords":["never-created"]}""", "ResourceNotFound.Word")]
    [InlineData("DescribeWordSamples", """{"Limit":101}""", "InvalidParameterValue.Limit")]
    public async Task WordSamples_BadRequest_RefusedNamingTheField(string action, string body, string code)
    {
        (await Mps.SendAsync(action, body)).AssertError(code);
    }

    [Fact]
    public async Task CreateWordSamples_ExistingKeyword_RefusedAndNothingOfTheBatchStored()
    {
        await Mps.OkAsync("CreateWordSamples", new { Usages = Review, Words = new object[] { new { Keyword = "already" } } });

        (await Mps.CallAsync("CreateWordSamples", new { Usages = Review, Words = new object[] { new { Keyword = "fresh" }, new { Keyword = "already" } } }))
            .AssertError("InvalidParameterValue.Keyword");

        Assert.Equal(0, (await Mps.OkAsync("DescribeWordSamples", new { Keywords = Fresh })).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task ContentReviewTemplate_CreateDescribeModifyDelete_PresetsReadOnly()
    {
        var definition = (await Mps.OkAsync("CreateContentReviewTemplate", new
        {
            Name = "speech-drugs", ProhibitedConfigure = new { AsrReviewInfo = new { Switch = "ON", BlockConfidence = 70 } },
        })).GetProperty("Definition").GetInt64();
        Assert.True(definition >= 10000);

        await Mps.OkAsync("ModifyContentReviewTemplate", new { Definition = definition, ProhibitedConfigure = new { OcrReviewInfo = new { Switch = "ON" } } });
        var listed = Assert.Single((await Mps.OkAsync("DescribeContentReviewTemplates", new { Definitions = new[] { definition } })).GetProperty("ContentReviewTemplateSet").EnumerateArray());
        var prohibited = listed.GetProperty("ProhibitedConfigure");
        Assert.Equal(("ON", 70, "ON", "Custom"), (prohibited.GetProperty("AsrReviewInfo").GetProperty("Switch").GetString(),
            prohibited.GetProperty("AsrReviewInfo").GetProperty("BlockConfidence").GetInt32(), prohibited.GetProperty("OcrReviewInfo").GetProperty("Switch").GetString(),
            listed.GetProperty("Type").GetString()));

        var presets = (await Mps.OkAsync("DescribeContentReviewTemplates", new { Type = "Preset" })).GetProperty("ContentReviewTemplateSet").EnumerateArray().ToList();
        Assert.Equal([10L, 20, 30], presets.Select(p => p.GetProperty("Definition").GetInt64()));
        (await Mps.CallAsync("ModifyContentReviewTemplate", new { Definition = 10, Name = "mine" })).AssertError("InvalidParameterValue.ModifyDefaultTemplate");
        (await Mps.CallAsync("DeleteContentReviewTemplate", new { Definition = 10 })).AssertError("InvalidParameterValue.DeleteDefaultTemplate");

        await Mps.OkAsync("DeleteContentReviewTemplate", new { Definition = definition });
        (await Mps.CallAsync("DeleteContentReviewTemplate", new { Definition = definition })).AssertError("ResourceNotFound.TemplateNotExist");
    }

    [Theory]
    [InlineData("""{"PornConfigure":{"ImgReviewInfo":{"Switch":"ON"}}}""", "InvalidParameterValue.ImgReviewInfo")]
    [InlineData("""{"TerrorismConfigure":{"AsrReviewInfo":{"Switch":"ON"}}}""", "InvalidParameterValue.AsrReviewInfo")]
    [InlineData("""{"ProhibitedConfigure":{"ImgReviewInfo":{"Switch":"OFF"}}}""", "InvalidParameterValue.ImgReviewInfo")]
    [InlineData("""{"PornConfigure":{"AsrReviewInfo":{"Switch":"ON","BlockConfidence":101}}}""", "InvalidParameterValue.BlockConfidence")]
    [InlineData("""{"PornConfigure":{"OcrReviewInfo":{"Switch":"ON","ReviewConfidence":-1}}}""", "InvalidParameterValue.ReviewConfidence")]
    [InlineData("""{"PornConfigure":{"OcrReviewInfo":{"Switch":"maybe"}}}""", "InvalidParameterValue.Switch")]
    [InlineData("""{"PornConfigure":{"OcrReviewInfo":{"Switch":"ON","LabelSet":["porn"]}}}""", "InvalidParameterValue.LabelSet")]
    [InlineData("""{"UserDefineConfigure":{"AsrReviewInfo":{"Switch":"ON","LabelSet":["mine"]}}}""", "InvalidParameterValue.UserDefineConfigure")]
    [InlineData("""{"PornConfigure":{"AsrReviewInfo":{"Switch":"ON"}},"ExtendedParameter":"x"}""", "InvalidParameterValue.ExtendedParameter")]
    public async Task CreateContentReviewTemplate_SwitchWeCannotHonour_RefusedNamingIt(string body, string code)
    {
        (await Mps.SendAsync("CreateContentReviewTemplate", body)).AssertError(code);
    }

    private static object[] RecognitionReviewIf(long reviewDefinition) =>
    [
        new { ActivityType = "input", ReardriveIndex = ToNode1 },
        new { ActivityType = "action-AIRecognition", ReardriveIndex = ToNode2, ActivityPara = new { AiRecognitionTask = new { Definition = 30 } } },
        new { ActivityType = "action-aiReview", ReardriveIndex = ToNode3, ActivityPara = new { AiContentReviewTask = new { Definition = reviewDefinition } } },
        new
        {
            ActivityType = "action-exec-rules", ReardriveIndex = ToNode4,
            ActivityPara = new
            {
                ExecRulesTask = new
                {
                    Rules = new object[]
                    {
                        new { Conditions = new[] { new { Key = "ReviewSuggestion", Value = "==block" } }, RearDriveIndexs = Nothing },
                        new { Conditions = Array.Empty<object>(), RearDriveIndexs = ToNode4 },
                    },
                },
            },
        },
        new { ActivityType = "action-trans", ReardriveIndex = ToNode5, ActivityPara = new { TranscodeTask = new { Definition = 100010 } } },
        new { ActivityType = "output" },
    ];

    private async Task<JsonElement> RunAsync(string key, object[] activities)
    {
        var taskId = await Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, key), OutputStorage = Orchestrations.Output(bucket), OutputDir = "/out/", Activities = activities });
        return (await Mps.WaitForFinishAsync(taskId)).GetProperty("ScheduleTask").GetProperty("ActivityResultSet");
    }

    private static JsonElement Item(JsonElement results, int index, string member) =>
        results.EnumerateArray().Single(r => r.GetProperty("MfActivityIndex").GetInt32() == index).GetProperty("ActivityResItem").GetProperty(member);

    [Fact]
    public async Task Orchestration_ForbiddenClip_ReviewBlocksAndTheTranscodeIsSkipped()
    {
        var results = await RunAsync(Forbidden, RecognitionReviewIf(10));

        var review = Item(results, 2, "ReviewTask");
        Assert.True(review.GetProperty("Status").GetString() == "SUCCESS", review.ToString());
        var output = review.GetProperty("Output").EnumerateArray().ToList();
        Assert.Equal(["Porn.Asr", "Porn.Ocr", "Political.Asr", "Political.Ocr", "Terrorism.Ocr", "Prohibited.Asr", "Prohibited.Ocr"],
            output.Select(o => o.GetProperty("Type").GetString()));
        var asr = output.Single(o => o.GetProperty("Type").GetString() == "Prohibited.Asr").GetProperty("ProhibitedAsrTask");
        Assert.Equal(10, asr.GetProperty("Input").GetProperty("Definition").GetInt64());
        Assert.Equal("block", asr.GetProperty("Output").GetProperty("Suggestion").GetString());
        var spoken = Assert.Single(asr.GetProperty("Output").GetProperty("SegmentSet").EnumerateArray());
        Assert.Equal(["cocaine"], spoken.GetProperty("KeywordSet").EnumerateArray().Select(k => k.GetString()));
        Assert.InRange(spoken.GetProperty("StartTimeOffset").GetDouble(), 1.96, 2.96);
        var ocr = output.Single(o => o.GetProperty("Type").GetString() == "Prohibited.Ocr").GetProperty("ProhibitedOcrTask").GetProperty("Output");
        var shown = Assert.Single(ocr.GetProperty("SegmentSet").EnumerateArray());
        Assert.InRange(shown.GetProperty("StartTimeOffset").GetDouble(), 0.5, 1.5);
        Assert.Equal(4, shown.GetProperty("AreaCoordSet").GetArrayLength());
        Assert.Equal("pass", output[0].GetProperty("PornAsrTask").GetProperty("Output").GetProperty("Suggestion").GetString());

        var rule = Item(results, 3, "ExecRuleTask");
        Assert.Equal(0, rule.GetProperty("MfMatchedRule").GetInt32());
        var evaluation = Assert.Single(rule.GetProperty("MfEvaluations").EnumerateArray());
        Assert.Equal(("ReviewSuggestion", "block", true),
            (evaluation.GetProperty("Key").GetString(), evaluation.GetProperty("Actual").GetString(), evaluation.GetProperty("Holds").GetBoolean()));

        var transcode = results.EnumerateArray().Single(r => r.GetProperty("MfActivityIndex").GetInt32() == 4);
        var skipped = transcode.GetProperty("ActivityResItem").GetProperty("TranscodeTask");
        Assert.Equal("SKIPPED", skipped.GetProperty("Status").GetString());
        Assert.Contains("Activities[3]", skipped.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orchestration_CleanClip_ReviewPassesAndTheTranscodeRuns()
    {
        var results = await RunAsync(Clean, RecognitionReviewIf(10));

        var review = Item(results, 2, "ReviewTask");
        Assert.All(review.GetProperty("Output").EnumerateArray(), o => Assert.Equal("pass", o.EnumerateObject().Single(p => p.Name.EndsWith("Task", StringComparison.Ordinal))
            .Value.GetProperty("Output").GetProperty("Suggestion").GetString()));
        var rule = Item(results, 3, "ExecRuleTask");
        Assert.Equal(1, rule.GetProperty("MfMatchedRule").GetInt32());
        Assert.Equal("pass", rule.GetProperty("MfEvaluations")[0].GetProperty("Actual").GetString());

        var transcode = Item(results, 4, "TranscodeTask");
        Assert.True(transcode.GetProperty("Status").GetString() == "SUCCESS", transcode.ToString());
        Assert.InRange(transcode.GetProperty("Output").GetProperty("Duration").GetDouble(), 3.5, 4.5);
    }

    [Fact]
    public async Task FlatProcessMedia_AccountWordSample_BlocksOnlyForThatAccount()
    {
        var template = (await Mps.OkAsync("CreateContentReviewTemplate", new
        {
            Name = "asr-only", ProhibitedConfigure = new { AsrReviewInfo = new { Switch = "ON", BlockConfidence = 80, ReviewConfidence = 50 } },
        })).GetProperty("Definition").GetInt64();

        async Task<JsonElement> ReviewAsync()
        {
            var reply = await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, Clean), OutputStorage = Orchestrations.Output(bucket), AiContentReviewTask = new { Definition = template } });
            Assert.True(reply.ErrorCode is null, server.LogTail(80));
            var taskId = reply.Success().GetProperty("TaskId").GetString()!;
            var detail = await Mps.WaitForFinishAsync(taskId);
            Assert.Equal("WorkflowTask", detail.GetProperty("TaskType").GetString());
            var result = Assert.Single(detail.GetProperty("WorkflowTask").GetProperty("AiContentReviewResultSet").EnumerateArray());
            Assert.Equal("Prohibited.Asr", result.GetProperty("Type").GetString());
            return result.GetProperty("ProhibitedAsrTask").GetProperty("Output");
        }

        Assert.Equal("pass", (await ReviewAsync()).GetProperty("Suggestion").GetString());

        var other = await OtherAccountAsync();
        await other.OkAsync("CreateWordSamples", new { Usages = Review, Words = new object[] { new { Keyword = "door" } } });
        Assert.Equal("pass", (await ReviewAsync()).GetProperty("Suggestion").GetString());

        await Mps.OkAsync("CreateWordSamples", new { Usages = ReviewAsr, Words = new object[] { new { Keyword = "door" } } });
        var blocked = await ReviewAsync();
        Assert.Equal("block", blocked.GetProperty("Suggestion").GetString());
        var segment = Assert.Single(blocked.GetProperty("SegmentSet").EnumerateArray());
        Assert.Equal(["door"], segment.GetProperty("KeywordSet").EnumerateArray().Select(k => k.GetString()));
        await Mps.OkAsync("DeleteWordSamples", new { Keywords = Door });
    }
}
