using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Ai;

/// <summary>AI recognition templates and the <c>action-AIRecognition</c> node through the real server (docs/media-ai.md).</summary>
public sealed class AiRecognitionTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/said.mp4";
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToNode2 = [2];
    private static readonly int[] ToNode3 = [3];
    private string bucket = "";

    private static readonly string[] RecognitionType = ["AIRecognition"];
    private static readonly string[] RecognitionCentre = ["recognition-usage"];
    private static readonly string[] Entry = ["entry"];
    private static readonly string[] Polite = ["polite"];
    private static readonly string[] Recognition = ["Recognition"];
    private static readonly string[] RecognitionOcr = ["Recognition.Ocr"];
    private static readonly string[] RecognitionAsr = ["Recognition.Asr"];
    private static readonly string[] Keywords = ["gate", "door", "please"];

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "airecog");
        var clip = Path.Combine(server.WorkDirectory, bucket + ".mp4");
        await TestMedia.FfmpegAsync(
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=4",
            "-f", "lavfi", "-i", "flite=text='please open the door':voice=rms",
            "-filter_complex", "[0:v]drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='GATE 12':fontsize=40:fontcolor=white:x=200:y=160:enable='between(t,1,2)'[v];[1:a]apad[a]",
            "-map", "[v]", "-map", "[a]", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", clip,
        ]);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AiRecognitionTemplate_CreateDescribeModifyDelete_RoundTrips()
    {
        var definition = (await Mps.OkAsync("CreateAIRecognitionTemplate", new
        {
            Name = "ocr-asr", OcrFullTextConfigure = new { Switch = "ON" }, AsrWordsConfigure = new { Switch = "ON" },
        })).GetProperty("Definition").GetInt64();

        var listed = Assert.Single((await Mps.OkAsync("DescribeAIRecognitionTemplates", new { Definitions = new[] { definition } })).GetProperty("AIRecognitionTemplateSet").EnumerateArray());
        Assert.Equal(("ocr-asr", "ON", "Custom"), (listed.GetProperty("Name").GetString(), listed.GetProperty("OcrFullTextConfigure").GetProperty("Switch").GetString(), listed.GetProperty("Type").GetString()));

        await Mps.OkAsync("ModifyAIRecognitionTemplate", new { Definition = definition, OcrWordsConfigure = new { Switch = "ON" } });
        var modified = Assert.Single((await Mps.OkAsync("DescribeAIRecognitionTemplates", new { Definitions = new[] { definition } })).GetProperty("AIRecognitionTemplateSet").EnumerateArray());
        Assert.Equal("ON", modified.GetProperty("OcrWordsConfigure").GetProperty("Switch").GetString());

        await Mps.OkAsync("DeleteAIRecognitionTemplate", new { Definition = definition });
        (await Mps.CallAsync("DeleteAIRecognitionTemplate", new { Definition = definition })).AssertError("ResourceNotFound.TemplateNotExist");
    }

    [Fact]
    public async Task DescribeAIRecognitionTemplates_Presets_ListedAndReadOnly()
    {
        var presets = (await Mps.OkAsync("DescribeAIRecognitionTemplates", new { Type = "Preset" })).GetProperty("AIRecognitionTemplateSet").EnumerateArray().ToList();

        Assert.Equal([10L, 20, 30], presets.Select(p => p.GetProperty("Definition").GetInt64()));
        (await Mps.CallAsync("ModifyAIRecognitionTemplate", new { Definition = 10, Name = "mine" })).AssertError("InvalidParameterValue.ModifyDefaultTemplate");
    }

    [Theory]
    [InlineData("""{"FaceConfigure":{"Switch":"ON","FaceLibrary":"Default"}}""", "InvalidParameterValue.FaceLibrary")]
    [InlineData("""{"FaceConfigure":{"Switch":"ON","Score":101}}""", "InvalidParameterValue.Score")]
    [InlineData("""{"OcrFullTextConfigure":{"Switch":"ON"},"TranslateConfigure":{"Switch":"ON","DestinationLanguage":"zh"}}""", "InvalidParameterValue.TranslateConfigure")]
    [InlineData("""{"OcrFullTextConfigure":{"Switch":"ON"},"ObjectConfigure":{"Switch":"ON"}}""", "InvalidParameterValue.ObjectConfigure")]
    [InlineData("""{"OcrWordsConfigure":{"Switch":"ON","LabelSet":["a","b","c","d","e","f","g","h","i","j","k"]}}""", "InvalidParameterValue.LabelSet")]
    [InlineData("""{"AsrWordsConfigure":{"Switch":"ON","LabelSet":["abcdefghijklmnopq"]}}""", "InvalidParameterValue.LabelSet")]
    [InlineData("""{"OcrFullTextConfigure":{"Switch":"ON","LabelSet":["brand"]}}""", "InvalidParameterValue.LabelSet")]
    [InlineData("""{"AsrFullTextConfigure":{"Switch":"ON","SourceLanguage":"zh"}}""", "InvalidParameterValue.SourceLanguage")]
    [InlineData("""{"AsrFullTextConfigure":{"Switch":"ON","SubtitleFormat":"vtt"}}""", "InvalidParameterValue.SubtitleFormat")]
    [InlineData("""{"OcrFullTextConfigure":{"Switch":"maybe"}}""", "InvalidParameterValue.Switch")]
    [InlineData("""{"OcrFullTextConfigure":{"Switch":"OFF"}}""", "InvalidParameterValue.Switch")]
    public async Task CreateAIRecognitionTemplate_SwitchWeCannotHonour_RefusedNamingIt(string body, string code)
    {
        (await Mps.SendAsync("CreateAIRecognitionTemplate", body)).AssertError(code);
    }

    [Fact]
    public async Task ProcessMedia_RecognitionThenTranscode_ResultsPerSpecAndTranscodeGetsTheSource()
    {
        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/out/",
            ResourceId = "recognition-usage",
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-AIRecognition", ReardriveIndex = ToNode2, ActivityPara = new { AiRecognitionTask = new { Definition = 10, UserExtPara = "x" } } },
                new { ActivityType = "action-trans", ReardriveIndex = ToNode3, ActivityPara = new { TranscodeTask = new { Definition = 100010 } } },
                new { ActivityType = "output" },
            },
        });

        var detail = await Mps.WaitForFinishAsync(taskId);
        var results = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet");
        var recognition = results.EnumerateArray().Single(r => r.GetProperty("MfActivityIndex").GetInt32() == 1);
        Assert.Equal("AIRecognition", recognition.GetProperty("ActivityType").GetString());
        var task = recognition.GetProperty("ActivityResItem").GetProperty("RecognitionTask");
        Assert.True(task.GetProperty("Status").GetString() == "SUCCESS", task.ToString());
        var output = task.GetProperty("Output").EnumerateArray().ToList();
        Assert.Equal(["OcrFullTextRecognition", "AsrFullTextRecognition"], output.Select(o => o.GetProperty("Type").GetString()));

        var ocr = Assert.Single(output[0].GetProperty("OcrFullTextTask").GetProperty("Output").GetProperty("SegmentSet").EnumerateArray());
        var line = Assert.Single(ocr.GetProperty("TextSet").EnumerateArray());
        Assert.Equal("GATE 12", line.GetProperty("Text").GetString());
        Assert.InRange(ocr.GetProperty("StartTimeOffset").GetDouble(), 0.5, 1.5);
        Assert.InRange(ocr.GetProperty("EndTimeOffset").GetDouble(), 1.5, 2.5);
        Assert.Equal(4, line.GetProperty("AreaCoordSet").GetArrayLength());

        var speech = output[1].GetProperty("AsrFullTextTask");
        Assert.Equal(10, speech.GetProperty("Input").GetProperty("Definition").GetInt64());
        var said = string.Join(' ', speech.GetProperty("Output").GetProperty("SegmentSet").EnumerateArray().Select(s => s.GetProperty("Text").GetString()));
        Assert.Contains("door", said, StringComparison.Ordinal);

        // The recognition node passes its input through: the transcode after it converts the 4 s source.
        var transcode = results.EnumerateArray().Single(r => r.GetProperty("MfActivityIndex").GetInt32() == 2).GetProperty("ActivityResItem").GetProperty("TranscodeTask");
        Assert.Equal("SUCCESS", transcode.GetProperty("Status").GetString());
        Assert.InRange(transcode.GetProperty("Output").GetProperty("Duration").GetDouble(), 3.5, 4.5);

        // Usage (docs/usage.md): the recognition node counts the seconds it read, banded by the source's short side.
        var today = TimeProvider.System.GetUtcNow();
        var usage = await Mps.OkAsync("DescribeUsageData", new
        {
            StartTime = today.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            EndTime = today.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Types = RecognitionType,
            MfResourceIds = RecognitionCentre,
        });
        var recognized = Assert.Single(usage.GetProperty("Data").EnumerateArray());
        Assert.Equal(1, recognized.GetProperty("Summary").EnumerateArray().Sum(d => d.GetProperty("Count").GetInt64()));
        Assert.InRange(recognized.GetProperty("Summary").EnumerateArray().Sum(d => d.GetProperty("Usage").GetDouble()), 3.9, 4.1);
        Assert.Equal("SD", Assert.Single(usage.GetProperty("MfBreakdown").GetProperty("ByBand").EnumerateArray()).GetProperty("Key").GetString());
    }

    [Fact]
    public async Task ProcessMedia_WordsWithRecognitionKeywords_OnlyThisAccountsKeywordHitsOfTheListedLabels()
    {
        var template = (await Mps.OkAsync("CreateAIRecognitionTemplate", new
        {
            Name = "keywords", OcrWordsConfigure = new { Switch = "ON" }, AsrWordsConfigure = new { Switch = "ON", LabelSet = Entry },
        })).GetProperty("Definition").GetInt64();

        async Task<(List<string?> Read, List<string?> Heard)> RecognizeAsync()
        {
            var taskId = await Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, Key), AiRecognitionTask = new { Definition = template } });
            var entries = (await Mps.WaitForFinishAsync(taskId)).GetProperty("WorkflowTask").GetProperty("AiRecognitionResultSet").EnumerateArray().ToList();
            List<string?> Words(string type, string member) => [.. entries.Single(e => e.GetProperty("Type").GetString() == type).GetProperty(member)
                .GetProperty("Output").GetProperty("ResultSet").EnumerateArray().Select(r => r.GetProperty("Word").GetString())];
            return (Words("OcrWordsRecognition", "OcrWordsTask"), Words("AsrWordsRecognition", "AsrWordsTask"));
        }

        // Another account's keywords are not used: with none of its own, OCR reports every word, and ASR with a LabelSet nothing.
        var other = await OtherAccountAsync();
        await other.OkAsync("CreateWordSamples", new { Usages = Recognition, Words = new object[] { new { Keyword = "door", Tags = Entry }, new { Keyword = "gate" } } });
        var (read, heard) = await RecognizeAsync();
        Assert.Equal(["12", "GATE"], read.Order(StringComparer.Ordinal));
        Assert.Empty(heard);

        await Mps.OkAsync("CreateWordSamples", new { Usages = RecognitionOcr, Words = new object[] { new { Keyword = "gate" } } });
        await Mps.OkAsync("CreateWordSamples", new { Usages = RecognitionAsr, Words = new object[] { new { Keyword = "door", Tags = Entry }, new { Keyword = "please", Tags = Polite } } });
        (read, heard) = await RecognizeAsync();
        Assert.Equal(["gate"], read);
        Assert.Equal(["door"], heard);
        await Mps.OkAsync("DeleteWordSamples", new { Keywords = Keywords });
    }

    private async Task<MpsClient> OtherAccountAsync()
    {
        var created = await MediaflowCli.RunAsync("accounts", "create", "--json", "--data-dir", server.DataDirectory);
        using var account = JsonDocument.Parse(created.Stdout);
        return server.MpsFor(new AccountKey(account.RootElement.GetProperty("AppId").GetInt64(),
            account.RootElement.GetProperty("SecretId").GetString()!, account.RootElement.GetProperty("SecretKey").GetString()!));
    }

    [Fact]
    public async Task ProcessMedia_UnknownRecognitionTemplate_RefusedNamingTheNode()
    {
        var body = JsonSerializer.Serialize(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-AIRecognition", ReardriveIndex = ToNode2, ActivityPara = new { AiRecognitionTask = new { Definition = 999999 } } },
                new { ActivityType = "output" },
            },
        });

        var reply = await Mps.SendAsync("ProcessMedia", body);
        reply.AssertError("InvalidParameterValue.Definition");
    }
}
