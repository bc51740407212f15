using System.Diagnostics;
using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>
/// Flat ProcessMedia (spec §11) with AiRecognitionTask, AiAnalysisTask (text tags) and SmartEraseTask (subtitle, privacy):
/// each runs alone as a WorkflowTask and reports in the WorkflowTask's AiRecognitionResultSet / AiAnalysisResultSet /
/// SmartEraseTaskResult (docs/media-ai.md, docs/media-ai-analysis.md). Media made here: "WEATHER REPORT" shown at the
/// top, "OPEN THE DOOR" as a subtitle at the bottom, a flite sentence; a silent black clip; Messi's photo (opencv-doc).
/// </summary>
public sealed class FlatAiTaskTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private const string Messi = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg";
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToOutput2 = [2];
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "flatai");
        var said = Path.Combine(server.WorkDirectory, bucket + "-said.mp4");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=4,format=yuv420p,geq=lum='60+25*sin(X/40+T*3)+15*cos(Y/30)':cb=150:cr=115",
            "-f", "lavfi", "-i", "flite=text='hello world sunny today please open the door':voice=rms",
            "-filter_complex",
            $"[0:v]drawtext=fontfile={Font}:text='WEATHER REPORT':fontsize=36:fontcolor=white:x=160:y=40:enable='between(t,0.5,3.5)',"
            + $"drawtext=fontfile={Font}:text='OPEN THE DOOR':fontsize=36:fontcolor=white:x=170:y=290:enable='between(t,1,3)'[v];[1:a]apad[a]",
            "-map", "[v]", "-map", "[a]", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", said);
        await Buckets.PutFileAsync(server, bucket, "in/said.mp4", said);

        var silent = Path.Combine(server.WorkDirectory, bucket + "-silent.mp4");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=black:s=320x180:r=25:d=2",
            "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", silent);
        await Buckets.PutFileAsync(server, bucket, "in/silent.mp4", silent);

        var face = Path.Combine(server.WorkDirectory, bucket + "-face.mp4");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=0x335577:s=640x360:r=25:d=2",
            "-loop", "1", "-i", Messi, "-filter_complex", "[1:v]scale=360:224[m];[0:v][m]overlay=x=140:y=60:shortest=1",
            "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", face);
        await Buckets.PutFileAsync(server, bucket, "in/face.mp4", face);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FlatAiAnalysisTask_TagsFromShownAndSpokenWords_NoneFromASilentBlankClip()
    {
        var definition = (await Mps.OkAsync("CreateAIAnalysisTemplate", new { Name = "tags", TagConfigure = new { Switch = "ON" } })).GetProperty("Definition").GetInt64();

        var workflow = await RunFlatAsync("in/said.mp4", new { AiAnalysisTask = new { Definition = definition } });

        var entry = Assert.Single(workflow.GetProperty("AiAnalysisResultSet").EnumerateArray());
        Assert.Equal("Tag", entry.GetProperty("Type").GetString());
        var task = entry.GetProperty("TagTask");
        Assert.True(task.GetProperty("Status").GetString() == "SUCCESS", task.ToString());
        Assert.Equal(definition, task.GetProperty("Input").GetProperty("Definition").GetInt64());
        var tags = task.GetProperty("Output").GetProperty("TagSet").EnumerateArray().ToList();
        var names = tags.Select(t => t.GetProperty("Tag").GetString()).ToList();
        Assert.Contains("weather", names);
        Assert.Contains("report", names);
        Assert.Contains(tags, t => t.GetProperty("MfSources").EnumerateArray().Any(s => s.GetString() == "ASR")
            && t.GetProperty("Tag").GetString() is "hello" or "world" or "sunny" or "today" or "door");
        Assert.All(tags, t => Assert.InRange(t.GetProperty("Confidence").GetDouble(), 0, 100));
        Assert.Empty(workflow.GetProperty("MediaProcessResultSet").EnumerateArray());

        var silent = await RunFlatAsync("in/silent.mp4", new { AiAnalysisTask = new { Definition = definition } });
        var silentTask = Assert.Single(silent.GetProperty("AiAnalysisResultSet").EnumerateArray()).GetProperty("TagTask");
        Assert.Equal("SUCCESS", silentTask.GetProperty("Status").GetString());
        Assert.Empty(silentTask.GetProperty("Output").GetProperty("TagSet").EnumerateArray());
    }

    [Fact]
    public async Task FlatAiRecognitionTask_ResultSetInTheWorkflowTask_BadRequestsRefusedByName()
    {
        var workflow = await RunFlatAsync("in/said.mp4", new { AiRecognitionTask = new { Definition = 10 } });

        var entries = workflow.GetProperty("AiRecognitionResultSet").EnumerateArray().ToList();
        Assert.Equal(["OcrFullTextRecognition", "AsrFullTextRecognition"], entries.Select(e => e.GetProperty("Type").GetString()));
        var ocr = entries[0].GetProperty("OcrFullTextTask");
        Assert.True(ocr.GetProperty("Status").GetString() == "SUCCESS", ocr.ToString());
        var texts = ocr.GetProperty("Output").GetProperty("SegmentSet").EnumerateArray().SelectMany(s => s.GetProperty("TextSet").EnumerateArray()).Select(t => t.GetProperty("Text").GetString()).ToList();
        Assert.Contains("WEATHER REPORT", texts);

        (await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, "in/said.mp4"), AiRecognitionTask = new { Definition = 999_999 } }))
            .AssertError("InvalidParameterValue.Definition");
        (await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, "in/said.mp4"), AiAnalysisTask = new { Definition = 999_999 } }))
            .AssertError("InvalidParameterValue.Definition");
        (await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, "in/said.mp4"), SmartEraseTask = new { Definition = 999_999 } }))
            .AssertError("InvalidParameterValue.Definition");
        (await Mps.CallAsync("ProcessMedia", new
        {
            InputInfo = Orchestrations.CosInput(bucket, "in/said.mp4"),
            AiRecognitionTask = new { Definition = 10 },
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-AIRecognition", ReardriveIndex = ToOutput2, ActivityPara = new { AiRecognitionTask = new { Definition = 10 } } },
                new { ActivityType = "output" },
            },
        })).AssertError("InvalidParameterValue.AiRecognitionTask");
        (await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, "in/said.mp4"), AiRecognitionTask = new { Definition = 10 }, SmartEraseTask = new { Definition = 20 } }))
            .AssertError("InvalidParameterValue.SmartEraseTask");
    }

    [Fact]
    public async Task FlatSmartEraseTask_SubtitleLineInTheLowerHalfErased_TitleAtTheTopKept()
    {
        var workflow = await RunFlatAsync("in/said.mp4", new { SmartEraseTask = new { Definition = 20, OutputObjectPath = "/erased/{inputName}.{format}" } });

        var result = workflow.GetProperty("SmartEraseTaskResult");
        Assert.True(result.GetProperty("Status").GetString() == "SUCCESS", result.ToString());
        Assert.Equal(20, result.GetProperty("Input").GetProperty("Definition").GetInt64());
        var output = result.GetProperty("Output");
        Assert.Equal("/erased/said.mp4", output.GetProperty("Path").GetString());
        Assert.Equal(bucket, output.GetProperty("OutputStorage").GetProperty("CosOutputStorage").GetProperty("Bucket").GetString());
        var area = Assert.Single(output.GetProperty("MfEraseAreaSet").EnumerateArray());
        Assert.Equal(("subtitle", "OPEN THE DOOR"), (area.GetProperty("Type").GetString(), area.GetProperty("Text").GetString()));
        Assert.InRange(area.GetProperty("Y").GetInt64(), 270, 292);
        Assert.InRange(area.GetProperty("StartTimeOffset").GetDouble(), 0, 1.0);
        Assert.InRange(area.GetProperty("EndTimeOffset").GetDouble(), 3.0, 3.6);
    }

    [Fact]
    public async Task FlatSmartEraseTask_PrivacyPreset_TheFaceIsBlurred()
    {
        var workflow = await RunFlatAsync("in/face.mp4", new { SmartEraseTask = new { Definition = 30 } });

        var result = workflow.GetProperty("SmartEraseTaskResult");
        Assert.True(result.GetProperty("Status").GetString() == "SUCCESS", result.ToString());
        var area = Assert.Single(result.GetProperty("Output").GetProperty("MfEraseAreaSet").EnumerateArray());
        Assert.Equal("face", area.GetProperty("Type").GetString());
        Assert.InRange(area.GetProperty("X").GetInt64(), 140, 500);
        Assert.Equal(0, area.GetProperty("StartTimeOffset").GetDouble());
    }

    private async Task<JsonElement> RunFlatAsync(string key, object flat)
    {
        var request = JsonSerializer.SerializeToNode(flat, MpsClient.Json)!.AsObject();
        request["InputInfo"] = JsonSerializer.SerializeToNode(Orchestrations.CosInput(bucket, key));
        request["OutputStorage"] = JsonSerializer.SerializeToNode(Orchestrations.Output(bucket));
        var taskId = await Mps.ProcessMediaAsync(request);
        var detail = await Mps.WaitForFinishAsync(taskId);
        Assert.Equal("WorkflowTask", detail.GetProperty("TaskType").GetString());
        return detail.GetProperty("WorkflowTask");
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await stderr}");
    }
}
