using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Ai;

/// <summary>
/// Smart subtitles, ASR hot words and Whisper loading through the real server (docs/media-ai-subtitles.md): flite speech
/// (voice rms) and drawtext lines at known times become SRT/WebVTT files in the output bucket.
/// </summary>
public sealed class SmartSubtitlesTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/said.mp4";
    private static readonly int[] ToNodes123 = [1, 2, 3];
    private static readonly int[] ToOutput4 = [4];
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToOutput2 = [2];
    private static readonly int[] TextTypes = [0];
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "subs");
        var clip = Path.Combine(server.WorkDirectory, bucket + ".mp4");
        await TestMedia.FfmpegAsync(
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=5",
            "-f", "lavfi", "-i", "flite=text='open the mediaflow console':voice=rms",
            "-filter_complex",
            "[0:v]drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='WELCOME HOME':fontsize=36:fontcolor=white:x=160:y=280:enable='between(t,0.5,2)',"
            + "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='GOOD NIGHT':fontsize=36:fontcolor=white:x=160:y=280:enable='between(t,3,4.5)'[v];[1:a]apad[a]",
            "-map", "[v]", "-map", "[a]", "-t", "5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", clip,
        ]);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessMedia_AsrWithHotWordsAsrPresetAndOcr_SubtitleFilesWritten()
    {
        var library = (await Mps.OkAsync("CreateAsrHotwords", new { Type = 0, Name = "names-" + bucket, Content = "mediaflow|10" })).GetProperty("HotwordsId").GetString()!;
        var template = (await Mps.OkAsync("CreateSmartSubtitleTemplate", new
        {
            Name = "asr-hot", VideoSrcLanguage = "en", SubtitleType = 0, SubtitleFormat = "vtt",
            AsrHotWordsConfigure = new { Switch = "ON", LibraryId = library },
        })).GetProperty("Definition").GetInt64();

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/subs/",
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNodes123 },
                new { ActivityType = "action-SmartSubtitles", ReardriveIndex = ToOutput4, ActivityPara = new { SmartSubtitlesTask = new { Definition = template } } },
                new { ActivityType = "action-SmartSubtitles", ReardriveIndex = ToOutput4, ActivityPara = new { SmartSubtitlesTask = new { Definition = 11, OutputObjectPath = "plain/{inputName}.{format}" } } },
                new
                {
                    ActivityType = "action-SmartSubtitles", ReardriveIndex = ToOutput4,
                    ActivityPara = new { SmartSubtitlesTask = new { Definition = 0, RawParameter = new { ProcessType = 2, VideoSrcLanguage = "zh_en", SubtitleType = 0, SubtitleFormat = "srt" } } },
                },
                new { ActivityType = "output" },
            },
        });

        var results = (await Mps.WaitForFinishAsync(taskId)).GetProperty("ScheduleTask").GetProperty("ActivityResultSet");
        var hot = Result(results[0], "AsrFullTextTask");
        var plain = Result(results[1], "AsrFullTextTask");
        var ocr = Result(results[2], "OcrFullTextTask");
        Assert.Equal("SmartSubtitles", results[0].GetProperty("ActivityType").GetString());

        // ASR with the hot-word library: Sphinx hears "midi flow", the library turns it into the name.
        var hotOutput = hot.GetProperty("Output");
        Assert.Equal($"/subs/said_smartsubtitle_{template}.vtt", hotOutput.GetProperty("SubtitlePath").GetString());
        Assert.Equal("sphinx", hotOutput.GetProperty("MfEngine").GetString());
        Assert.Contains("mediaflow", Text(hotOutput), StringComparison.Ordinal);
        Assert.Equal(bucket, hotOutput.GetProperty("OutputStorage").GetProperty("CosOutputStorage").GetProperty("Bucket").GetString());
        var (vtt, vttType) = await DownloadAsync($"subs/said_smartsubtitle_{template}.vtt");
        Assert.Equal("text/vtt", vttType);
        Assert.StartsWith("WEBVTT\n\n00:00:00.", vtt, StringComparison.Ordinal);
        Assert.Contains("mediaflow console", vtt, StringComparison.Ordinal);

        // The preset without hot words: SRT, the name not heard.
        Assert.Equal("/subs/plain/said.srt", plain.GetProperty("Output").GetProperty("SubtitlePath").GetString());
        var (srt, srtType) = await DownloadAsync("subs/plain/said.srt");
        Assert.Equal("application/x-subrip", srtType);
        Assert.StartsWith("1\n00:00:00,", srt, StringComparison.Ordinal);
        Assert.Contains("console", srt, StringComparison.Ordinal);
        Assert.DoesNotContain("mediaflow", srt, StringComparison.Ordinal);

        // OCR: both burned-in lines, at their times (±0.5 s).
        var segments = ocr.GetProperty("Output").GetProperty("SegmentSet").EnumerateArray().ToList();
        Assert.Equal(["WELCOME HOME", "GOOD NIGHT"], segments.Select(s => s.GetProperty("Text").GetString()));
        Assert.InRange(segments[0].GetProperty("StartTimeOffset").GetDouble(), 0, 1.0);
        Assert.InRange(segments[1].GetProperty("StartTimeOffset").GetDouble(), 2.5, 3.5);
        Assert.InRange(segments[1].GetProperty("EndTimeOffset").GetDouble(), 4.0, 5.0);
        var ocrPath = ocr.GetProperty("Output").GetProperty("RecognizeSubtitleResult")[0].GetProperty("Path").GetString()!;
        Assert.Equal("/subs/said_smartsubtitle_0.srt", ocrPath);
        var (ocrSrt, _) = await DownloadAsync(ocrPath[1..]);
        Assert.Contains("\nWELCOME HOME\n\n2\n00:00:0", ocrSrt, StringComparison.Ordinal);
        Assert.Contains("\nGOOD NIGHT\n", ocrSrt, StringComparison.Ordinal);

        // The library is in use while the template names it.
        Assert.Equal(1, (await Mps.OkAsync("DescribeAsrHotwords", new { HotwordsId = library })).GetProperty("Status").GetInt32());
        (await Mps.CallAsync("DeleteAsrHotwords", new { HotwordsId = library })).AssertError("ResourceInUse");
        await Mps.OkAsync("DeleteSmartSubtitleTemplate", new { Definition = template });
        await Mps.OkAsync("DeleteAsrHotwords", new { HotwordsId = library });
    }

    [Fact]
    public async Task ProcessMedia_FlatSmartSubtitlesTask_WorkflowTaskWithSmartSubtitlesTaskResult()
    {
        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            SmartSubtitlesTask = new { Definition = 10, OutputObjectPath = "/flat/{inputName}.{format}" },
        });

        var detail = await Mps.WaitForFinishAsync(taskId);
        Assert.Equal("WorkflowTask", detail.GetProperty("TaskType").GetString());
        var entry = Assert.Single(detail.GetProperty("WorkflowTask").GetProperty("SmartSubtitlesTaskResult").EnumerateArray());
        Assert.Equal("AsrFullTextRecognition", entry.GetProperty("Type").GetString());
        var task = entry.GetProperty("AsrFullTextTask");
        Assert.True(task.GetProperty("Status").GetString() == "SUCCESS", task.ToString());
        Assert.Equal("/flat/said.vtt", task.GetProperty("Output").GetProperty("SubtitlePath").GetString());
        Assert.Contains("console", (await DownloadAsync("flat/said.vtt")).Text, StringComparison.Ordinal);
        Assert.Empty(detail.GetProperty("WorkflowTask").GetProperty("MediaProcessResultSet").EnumerateArray());
        (await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, Key), SmartSubtitlesTask = new { Definition = 424242 } }))
            .AssertError("InvalidParameterValue.Definition");
    }

    [Fact]
    public async Task SmartSubtitleTemplate_CrudPresetsAndRefusals()
    {
        var presets = (await Mps.OkAsync("DescribeSmartSubtitleTemplates", new { Type = "Preset" })).GetProperty("SmartSubtitleTemplateSet").EnumerateArray().ToList();
        Assert.Equal([10L, 11, 20, 21], presets.Select(p => p.GetProperty("Definition").GetInt64()));

        var definition = (await Mps.OkAsync("CreateSmartSubtitleTemplate", new { Name = "ocr-srt", VideoSrcLanguage = "zh_en", SubtitleType = 0, ProcessType = 2, SubtitleFormat = "srt" }))
            .GetProperty("Definition").GetInt64();
        await Mps.OkAsync("ModifySmartSubtitleTemplate", new { Definition = definition, SubtitleFormat = "vtt", Comment = "burned-in lines" });
        var listed = Assert.Single((await Mps.OkAsync("DescribeSmartSubtitleTemplates", new { Definitions = new[] { definition } })).GetProperty("SmartSubtitleTemplateSet").EnumerateArray());
        Assert.Equal(("vtt", 2, "Custom", "burned-in lines"), (listed.GetProperty("SubtitleFormat").GetString(), listed.GetProperty("ProcessType").GetInt32(),
            listed.GetProperty("Type").GetString(), listed.GetProperty("Comment").GetString()));
        (await Mps.CallAsync("ModifySmartSubtitleTemplate", new { Definition = definition, TranslateSwitch = "ON" })).AssertError("InvalidParameterValue.TranslateSwitch");
        await Mps.OkAsync("DeleteSmartSubtitleTemplate", new { Definition = definition });

        (await Create(new { Name = "t", VideoSrcLanguage = "en", SubtitleType = 1 })).AssertError("InvalidParameterValue.SubtitleType");
        (await Create(new { Name = "t", VideoSrcLanguage = "en", SubtitleType = 0, TranslateSwitch = "ON", TranslateDstLanguage = "zh" })).AssertError("InvalidParameterValue.TranslateSwitch");
        (await Create(new { Name = "t", VideoSrcLanguage = "en", SubtitleType = 0, ProcessType = 1 })).AssertError("InvalidParameterValue.ProcessType");
        (await Create(new { Name = "t", VideoSrcLanguage = "zh", SubtitleType = 0 })).AssertError("InvalidParameterValue.VideoSrcLanguage"); // Sphinx reads English only
        (await Create(new { Name = "t", VideoSrcLanguage = "en", SubtitleType = 0, SubtitleFormat = "ass" })).AssertError("InvalidParameterValue.SubtitleFormat");
        (await Create(new { Name = "t", VideoSrcLanguage = "en", SubtitleType = 0, SpeakerMode = 1 })).AssertError("InvalidParameterValue.SpeakerMode");
        (await Create(new { Name = "t", VideoSrcLanguage = "zh_en", SubtitleType = 0, ProcessType = 2 })).AssertError("MissingParameter");
        (await Create(new { Name = "t", VideoSrcLanguage = "en", SubtitleType = 0, AsrHotWordsConfigure = new { Switch = "ON" } })).AssertError("MissingParameter");
        (await Mps.CallAsync("ProcessMedia", new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-SmartSubtitles", ReardriveIndex = ToOutput2, ActivityPara = new { SmartSubtitlesTask = new { Definition = 0, RawParameter = new { VideoSrcLanguage = "en", SubtitleType = 2 } } } },
                new { ActivityType = "output" },
            },
        })).AssertError("InvalidParameterValue.SubtitleType");
        (await Mps.CallAsync("ProcessMedia", new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-SmartSubtitles", ReardriveIndex = ToOutput2, ActivityPara = new { SmartSubtitlesTask = new { Definition = 987654 } } },
                new { ActivityType = "output" },
            },
        })).AssertError("InvalidParameterValue.Definition");
    }

    [Fact]
    public async Task SmartSubtitleTemplate_HotWordsLibrary_MustExistAndIsNamedByDescribe()
    {
        var name = "lib-" + bucket;
        var library = (await Mps.OkAsync("CreateAsrHotwords", new { Type = 0, Name = name, Content = "mediaflow|10" })).GetProperty("HotwordsId").GetString()!;
        var missing = "mfhw-" + new string('0', 20);

        // A library that is not the account's is refused when the template is saved (Create, and Modify that names it).
        (await Create(new { Name = "t", VideoSrcLanguage = "en", SubtitleType = 0, AsrHotWordsConfigure = new { Switch = "ON", LibraryId = missing } }))
            .AssertError("InvalidParameterValue.AsrHotWordsLibraryName");
        var definition = (await Mps.OkAsync("CreateSmartSubtitleTemplate", new
        {
            Name = "hot-named", VideoSrcLanguage = "en", SubtitleType = 0, AsrHotWordsConfigure = new { Switch = "ON", LibraryId = library },
        })).GetProperty("Definition").GetInt64();
        var plain = (await Mps.OkAsync("CreateSmartSubtitleTemplate", new { Name = "no-hot", VideoSrcLanguage = "en", SubtitleType = 0 })).GetProperty("Definition").GetInt64();
        (await Mps.CallAsync("ModifySmartSubtitleTemplate", new { Definition = plain, AsrHotWordsConfigure = new { Switch = "ON", LibraryId = missing } }))
            .AssertError("InvalidParameterValue.AsrHotWordsLibraryName");

        // Describe names the library; a template without one has none; the name sent back (as a console edit does) is ignored.
        var listed = (await Mps.OkAsync("DescribeSmartSubtitleTemplates", new { Definitions = new[] { definition, plain } })).GetProperty("SmartSubtitleTemplateSet").EnumerateArray()
            .ToDictionary(t => t.GetProperty("Definition").GetInt64());
        Assert.Equal(name, listed[definition].GetProperty("AsrHotWordsLibraryName").GetString());
        Assert.Equal(library, listed[definition].GetProperty("AsrHotWordsConfigure").GetProperty("LibraryId").GetString());
        Assert.True(listed[plain].TryGetProperty("AsrHotWordsLibraryName", out var none) && none.ValueKind == JsonValueKind.Null, listed[plain].ToString());
        await Mps.OkAsync("ModifySmartSubtitleTemplate", new { Definition = definition, Comment = "edited", AsrHotWordsLibraryName = "stale name" });
        await Mps.OkAsync("ModifyAsrHotwords", new { HotwordsId = library, Name = name + "-renamed" });
        var renamed = Assert.Single((await Mps.OkAsync("DescribeSmartSubtitleTemplates", new { Definitions = new[] { definition } })).GetProperty("SmartSubtitleTemplateSet").EnumerateArray());
        Assert.Equal((name + "-renamed", "edited"), (renamed.GetProperty("AsrHotWordsLibraryName").GetString(), renamed.GetProperty("Comment").GetString()));

        await Mps.OkAsync("DeleteSmartSubtitleTemplate", new { Definition = definition });
        await Mps.OkAsync("DeleteSmartSubtitleTemplate", new { Definition = plain });
        await Mps.OkAsync("DeleteAsrHotwords", new { HotwordsId = library });
    }

    [Fact]
    public async Task AsrHotwords_TextAndFileLibraries_CrudAndRefusals()
    {
        var text = (await Mps.OkAsync("CreateAsrHotwords", new { Type = 0, Name = "text-" + bucket, Content = "mediaflow|10,subtitle|5,console|7" })).GetProperty("HotwordsId").GetString()!;
        var file = (await Mps.OkAsync("CreateAsrHotwords", new
        {
            Type = 1, Name = "file-" + bucket, FileName = "words.txt", FileContent = Convert.ToBase64String(Encoding.UTF8.GetBytes("alpha|3\nbeta|11\n")),
        })).GetProperty("HotwordsId").GetString()!;

        var described = await Mps.OkAsync("DescribeAsrHotwords", new { HotwordsId = text, OrderBy = "Weight", OrderType = 1, Limit = 2 });
        Assert.Equal((3, 0, 0), (described.GetProperty("WordCount").GetInt32(), described.GetProperty("Status").GetInt32(), described.GetProperty("Type").GetInt32()));
        Assert.Equal(["mediaflow", "console"], described.GetProperty("HotWords").EnumerateArray().Select(w => w.GetProperty("Text").GetString()));
        Assert.Equal("mediaflow|10,subtitle|5,console|7", described.GetProperty("Content").GetString());
        var byName = await Mps.OkAsync("DescribeAsrHotwords", new { Name = "file-" + bucket });
        Assert.Equal(("words.txt", 2, 1), (byName.GetProperty("FileName").GetString(), byName.GetProperty("WordCount").GetInt32(), byName.GetProperty("Type").GetInt32()));
        Assert.Equal("alpha|3\nbeta|11\n", Encoding.UTF8.GetString(Convert.FromBase64String(byName.GetProperty("Content").GetString()!)));

        await Mps.OkAsync("ModifyAsrHotwords", new { HotwordsId = text, Content = "mediaflow|10" });
        var list = await Mps.OkAsync("DescribeAsrHotwordsList", new { Types = TextTypes });
        var entry = Assert.Single(list.GetProperty("AsrHotwordsSet").EnumerateArray(), e => e.GetProperty("HotwordsId").GetString() == text);
        Assert.Equal(1, entry.GetProperty("WordCount").GetInt32());
        Assert.DoesNotContain(list.GetProperty("AsrHotwordsSet").EnumerateArray(), e => e.GetProperty("HotwordsId").GetString() == file);

        (await Mps.CallAsync("CreateAsrHotwords", new { Type = 0, Name = "text-" + bucket, Content = "x1|1" })).AssertError("InvalidParameterValue.Name");
        (await Mps.CallAsync("CreateAsrHotwords", new { Type = 0, Name = "bad", Content = "word|12" })).AssertError("InvalidParameterValue.Content");
        (await Mps.CallAsync("CreateAsrHotwords", new { Type = 1, Name = "bad", FileName = "a.txt", FileContent = "%%%" })).AssertError("InvalidParameterValue.FileContent");
        (await Mps.CallAsync("CreateAsrHotwords", new { Type = 2, Name = "bad", Content = "a" })).AssertError("InvalidParameterValue.Type");
        (await Mps.CallAsync("ModifyAsrHotwords", new { HotwordsId = file, Content = "gamma" })).AssertError("InvalidParameterValue.Content");
        await Mps.OkAsync("DeleteAsrHotwords", new { HotwordsId = text });
        await Mps.OkAsync("DeleteAsrHotwords", new { HotwordsId = file });
        (await Mps.CallAsync("DescribeAsrHotwords", new { HotwordsId = text })).AssertError("ResourceNotFound");
    }

    [Fact]
    public async Task Serve_CorruptWhisperModel_RefusesToStartNamingThePath()
    {
        var model = Path.Combine(server.WorkDirectory, "ggml-corrupt.bin");
        await File.WriteAllBytesAsync(model, Encoding.ASCII.GetBytes(new string('x', 2048)));
        var data = Path.Combine(server.WorkDirectory, "whisper-data");

        var result = await MediaflowCli.RunWithEnvironmentAsync(new Dictionary<string, string> { ["Ai__Whisper__ModelPath"] = model },
            "serve", "--data-dir", data, "--api-listen", "127.0.0.1:0", "--store-listen", "127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Ai:Whisper:ModelPath {model} is not a Whisper (ggml) model", result.Stderr, StringComparison.Ordinal);
    }

    private Task<MpsReply> Create(object template) => Mps.CallAsync("CreateSmartSubtitleTemplate", template);

    private static JsonElement Result(JsonElement result, string member)
    {
        var entry = Assert.Single(result.GetProperty("ActivityResItem").GetProperty("SmartSubtitlesTask").GetProperty("Output").EnumerateArray());
        var task = entry.GetProperty(member);
        Assert.True(task.GetProperty("Status").GetString() == "SUCCESS", task.ToString());
        return task;
    }

    private static string Text(JsonElement output) => string.Join(' ', output.GetProperty("SegmentSet").EnumerateArray().Select(s => s.GetProperty("Text").GetString()));

    private async Task<(string Text, string ContentType)> DownloadAsync(string key)
    {
        using var s3 = server.S3For(server.Account);
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
        using var reader = new StreamReader(response.ResponseStream);
        return (await reader.ReadToEndAsync(), response.Headers.ContentType);
    }
}
