using System.Diagnostics;
using System.Text.Json;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>
/// AI analysis end to end (docs/media-ai-analysis.md): the AIAnalysis template family, and ProcessMedia with
/// input → action-AIAnalysis → transcode on a clip with cuts at known times (1 s black + silent head).
/// </summary>
public sealed class AiAnalysisNodeTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/cuts.mp4";
    private static readonly double[] Cuts = [1.0, 2.2, 3.2, 4.2];
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToNode2 = [2];
    private static readonly int[] ToOutput3 = [3];
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "analysis");
        var clip = Path.Combine(server.WorkDirectory, bucket + ".mp4");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "color=c=black:s=320x180:r=25:d=1", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono",
            "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=1.2", "-f", "lavfi", "-i", "sine=f=440:r=44100:d=1.2",
            "-f", "lavfi", "-i", "color=c=red:s=320x180:r=25:d=1", "-f", "lavfi", "-i", "sine=f=880:r=44100:d=1",
            "-f", "lavfi", "-i", "mandelbrot=s=320x180:r=25", "-f", "lavfi", "-i", "sine=f=220:r=44100:d=1",
            "-f", "lavfi", "-i", "color=c=black:s=320x180:r=25:d=0.8",
            "-filter_complex",
            "[1]atrim=0:1[a0];[6]trim=0:1,setpts=PTS-STARTPTS[v3];[1]atrim=0:0.8,asetpts=PTS-STARTPTS[a4];[0:v][a0][2:v][3:a][4:v][5:a][v3][7:a][8:v][a4]concat=n=5:v=1:a=1[v][a]",
            "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", clip);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AIAnalysisTemplate_CrudPresetsAndModelSwitchRefused()
    {
        var presets = (await Mps.OkAsync("DescribeAIAnalysisTemplates", new { Type = "Preset" })).GetProperty("AIAnalysisTemplateSet").EnumerateArray().ToList();
        Assert.Equal([10L, 20L, 30L], presets.Select(p => p.GetProperty("Definition").GetInt64()));
        Assert.Equal("ON", presets[0].GetProperty("CoverConfigure").GetProperty("Switch").GetString());

        var definition = (await Mps.OkAsync("CreateAIAnalysisTemplate", new { Name = "cover", CoverConfigure = new { Switch = "ON" } })).GetProperty("Definition").GetInt64();
        var listed = (await Mps.OkAsync("DescribeAIAnalysisTemplates", new { Definitions = new[] { definition } })).GetProperty("AIAnalysisTemplateSet")[0];
        Assert.Equal(("cover", "Custom", "ON"), (listed.GetProperty("Name").GetString(), listed.GetProperty("Type").GetString(), listed.GetProperty("CoverConfigure").GetProperty("Switch").GetString()));

        var refused = await Mps.CallAsync("ModifyAIAnalysisTemplate", new { Definition = definition, ClassificationConfigure = new { Switch = "ON" } });
        refused.AssertError("InvalidParameterValue.ClassificationConfigure");
        Assert.Contains("Ai:Models:Classification", refused.ErrorMessage, StringComparison.Ordinal);
        (await Mps.CallAsync("CreateAIAnalysisTemplate", new { Name = "tags", FrameTagConfigure = new { Switch = "ON" } })).AssertError("InvalidParameterValue.FrameTagConfigure");

        await Mps.OkAsync("ModifyAIAnalysisTemplate", new { Definition = definition, MfHeadTailConfigure = new { Switch = "ON" } });
        var modified = (await Mps.OkAsync("DescribeAIAnalysisTemplates", new { Definitions = new[] { definition } })).GetProperty("AIAnalysisTemplateSet")[0];
        Assert.Equal("ON", modified.GetProperty("MfHeadTailConfigure").GetProperty("Switch").GetString());
        await Mps.OkAsync("DeleteAIAnalysisTemplate", new { Definition = definition });
        (await Mps.CallAsync("DeleteAIAnalysisTemplate", new { Definition = definition })).AssertError("ResourceNotFound.TemplateNotExist");
    }

    [Fact]
    public async Task ProcessMedia_AnalysisThenTranscode_SpecShapedResultsAndTheTranscodeReadsTheSource()
    {
        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/analysed/",
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-AIAnalysis", ReardriveIndex = ToNode2, ActivityPara = new { AiAnalysisTask = new { Definition = 10, ExtendedParameter = "{}" } } },
                new { ActivityType = "action-trans", ReardriveIndex = ToOutput3, ActivityPara = new { TranscodeTask = new { Definition = 100010 } } },
                new { ActivityType = "output" },
            },
        });

        var detail = await Mps.WaitForFinishAsync(taskId);
        var results = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray().ToList();
        Assert.All(results, r => Assert.True(r.ToString().Contains("\"SUCCESS\"", StringComparison.Ordinal), r.ToString()));
        var analysis = results[0];
        Assert.Equal("AIAnalysis", analysis.GetProperty("ActivityType").GetString());
        var output = analysis.GetProperty("ActivityResItem").GetProperty("AnalysisTask").GetProperty("Output").EnumerateArray().ToDictionary(e => e.GetProperty("Type").GetString()!);
        Assert.Equal(["Cover", "HeadTailRecognition", "Highlight", "SegmentRecognition"], output.Keys.Order());

        var segments = output["SegmentRecognition"].GetProperty("SegmentTask").GetProperty("Output").GetProperty("SegmentSet").EnumerateArray()
            .Select(s => s.GetProperty("StartTimeOffset").GetDouble()).Skip(1).ToList();
        Assert.Equal(Cuts.Length, segments.Count);
        Assert.All(Cuts.Zip(segments), pair => Assert.InRange(pair.Second, pair.First - 0.5, pair.First + 0.5));

        var headTail = output["HeadTailRecognition"].GetProperty("HeadTailTask");
        Assert.Equal(("SUCCESS", "{}"), (headTail.GetProperty("Status").GetString(), headTail.GetProperty("Input").GetProperty("ExtendedParameter").GetString()));
        Assert.InRange(headTail.GetProperty("Output").GetProperty("HeadTimeOffset").GetDouble(), 0.9, 1.1);
        Assert.InRange(headTail.GetProperty("Output").GetProperty("TailTimeOffset").GetDouble(), 4.1, 4.3);

        var coverOutput = output["Cover"].GetProperty("CoverTask").GetProperty("Output");
        Assert.Equal(bucket, coverOutput.GetProperty("OutputStorage").GetProperty("CosOutputStorage").GetProperty("Bucket").GetString());
        var cover = Assert.Single(coverOutput.GetProperty("CoverSet").EnumerateArray());
        var coverPath = cover.GetProperty("CoverPath").GetString()!;
        Assert.StartsWith("/analysed/", coverPath, StringComparison.Ordinal);
        var luma = await MeanLumaAsync(await DownloadAsync(coverPath.TrimStart('/')));
        Assert.True(luma > 40, $"cover {coverPath} is dark (mean luma {luma:0.0})");

        var highlight = Assert.Single(output["Highlight"].GetProperty("HighlightTask").GetProperty("Output").GetProperty("HighlightSet").EnumerateArray());
        Assert.All(highlight.GetProperty("SegmentSet").EnumerateArray(), s => Assert.True(s.GetProperty("StartTimeOffset").GetDouble() >= 0.9, s.ToString()));

        // The analysis passes its input through (DESIGN §7.4): the transcode encodes the 5 s source, not the cover image.
        var transcode = results[1].GetProperty("ActivityResItem").GetProperty("TranscodeTask").GetProperty("Output");
        Assert.InRange(transcode.GetProperty("Duration").GetDouble(), 4.5, 5.5);
    }

    [Fact]
    public async Task ProcessMedia_BadExtendedParameterOrUnknownTemplate_Refused()
    {
        object Activities(object task) => new object[]
        {
            new { ActivityType = "input", ReardriveIndex = ToNode1 },
            new { ActivityType = "action-AIAnalysis", ReardriveIndex = ToNode2, ActivityPara = new { AiAnalysisTask = task } },
            new { ActivityType = "output" },
        };

        (await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, Key), Activities = Activities(new { Definition = 10, ExtendedParameter = "[1]" }) }))
            .AssertError("InvalidParameterValue.ExtendedParameter");
        (await Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, Key), Activities = Activities(new { Definition = 987654 }) }))
            .AssertError("InvalidParameterValue.Definition");
    }

    private async Task<string> DownloadAsync(string key)
    {
        using var s3 = server.S3For(server.Account);
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
        var path = Path.Combine(server.WorkDirectory, bucket + "-" + Path.GetFileName(key));
        await using (var file = File.Create(path))
        {
            await response.ResponseStream.CopyToAsync(file);
        }

        return path;
    }

    private static async Task<double> MeanLumaAsync(string image)
    {
        var raw = image + ".gray";
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", image, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", raw);
        var bytes = await File.ReadAllBytesAsync(raw);
        File.Delete(raw);
        return bytes.Average(b => (double)b);
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
