using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>
/// Watermarks end to end: CreateWatermarkTemplate → ProcessMedia with a WatermarkSet on a transcode and a screenshot →
/// the outputs in the bucket carry the mark (pixels decoded by an independent ffmpeg), a twin transcode without it does not.
/// </summary>
public sealed class WatermarkNodeTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/clip.mp4";
    private static readonly string[] OneSecond = ["1s"];
    private static readonly int[] Fan = [1, 2, 3];
    private static readonly int[] ToOutput4 = [4];
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToOutput2 = [2];
    private static readonly int[] ToNodes12 = [1, 2];
    private static readonly int[] ToOutput3 = [3];
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "watermarks");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 2);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly object Mp4 = new
    {
        Container = "mp4",
        VideoTemplate = new { Codec = "h264", Fps = 25, Bitrate = 0 },
        AudioTemplate = new { Codec = "aac", Bitrate = 64, SampleRate = 44100, AudioChannel = 2 },
    };

    [Fact]
    public async Task ProcessMedia_WatermarkSetOnTranscodeAndSnapshot_OutputsCarryTheMark()
    {
        var magenta = Path.Combine(server.WorkDirectory, bucket + "-mark.png");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=0xFF00FF:size=40x20", "-frames:v", "1", magenta);
        var created = await Mps.OkAsync("CreateWatermarkTemplate", new
        {
            Type = "image", Name = "mark", CoordinateOrigin = "BottomRight", XPos = "8px", YPos = "8px",
            ImageTemplate = new { ImageContent = Convert.ToBase64String(await File.ReadAllBytesAsync(magenta)), Width = "40px" },
        });
        var definition = created.GetProperty("Definition").GetInt64();
        object[] watermarks = [new { Definition = definition }];

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = Fan },
                new { ActivityType = "action-trans", ReardriveIndex = ToOutput4, ActivityPara = new { TranscodeTask = new { Definition = 0, RawParameter = Mp4, WatermarkSet = watermarks, OutputObjectPath = "/marked/with.mp4" } } },
                new { ActivityType = "action-trans", ReardriveIndex = ToOutput4, ActivityPara = new { TranscodeTask = new { Definition = 0, RawParameter = Mp4, OutputObjectPath = "/marked/without.mp4" } } },
                new { ActivityType = "action-snapshotByTimeOffset", ReardriveIndex = ToOutput4, ActivityPara = new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = OneSecond, WatermarkSet = watermarks, OutputObjectPath = "/marked/shot.{format}" } } },
                new { ActivityType = "output" },
            },
        });

        var detail = await Mps.WaitForFinishAsync(taskId);
        var results = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray().ToList();
        Assert.All(results, r => Assert.True(r.ToString().Contains("\"SUCCESS\"", StringComparison.Ordinal), r.ToString()));
        var snapshot = results.Single(r => r.GetProperty("MfActivityIndex").GetInt32() == 3).GetProperty("ActivityResItem").GetProperty("SnapshotByTimeOffsetTask");
        var picture = snapshot.GetProperty("Output").GetProperty("PicInfoSet")[0];
        Assert.Equal([definition], picture.GetProperty("WaterMarkDefinition").EnumerateArray().Select(d => d.GetInt64()));

        // 320×240 output; the 40×20 mark sits 8 px from the right and the bottom: x 272..311, y 212..231.
        var with = await MagentaShareAsync(await DownloadAsync("marked/with.mp4"), 1);
        var without = await MagentaShareAsync(await DownloadAsync("marked/without.mp4"), 1);
        var shot = await MagentaShareAsync(await DownloadAsync(picture.GetProperty("Path").GetString()!.TrimStart('/')), 0);
        Assert.True(with > 0.9, $"watermarked transcode: {with:P0} of the mark's pixels are magenta");
        Assert.True(without < 0.1, $"transcode without WatermarkSet: {without:P0} magenta");
        Assert.True(shot > 0.9, $"screenshot: {shot:P0} magenta");
    }

    [Fact]
    public async Task ProcessMedia_InlineWatermarkOnBothScreenshotNodes_ImagesCarryTheMark_MissingPictureFailsTheNode()
    {
        var magenta = Path.Combine(server.WorkDirectory, bucket + "-inline.png");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=0xFF00FF:size=40x20", "-frames:v", "1", magenta);
        await Buckets.PutFileAsync(server, bucket, "marks/inline.png", magenta);
        object[] Inline(string key) =>
        [
            new
            {
                Definition = 0,
                RawParameter = new
                {
                    Type = "image", CoordinateOrigin = "BottomRight", XPos = "8px", YPos = "8px",
                    ImageTemplate = new { ImageContent = Orchestrations.CosInput(bucket, key), Width = "40px" },
                },
            },
        ];

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNodes12 },
                new { ActivityType = "action-snapshotByTimeOffset", ReardriveIndex = ToOutput3, ActivityPara = new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = OneSecond, WatermarkSet = Inline("marks/inline.png"), OutputObjectPath = "/inline/shot.{format}" } } },
                new { ActivityType = "action-samplesnapshot", ReardriveIndex = ToOutput3, ActivityPara = new { SampleSnapshotTask = new { Definition = 10, WatermarkSet = Inline("marks/inline.png"), OutputObjectPath = "/inline/sample_{number}.{format}" } } },
                new { ActivityType = "output" },
            },
        });

        var results = (await Mps.WaitForFinishAsync(taskId)).GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray().ToList();
        Assert.All(results, r => Assert.True(r.ToString().Contains("\"SUCCESS\"", StringComparison.Ordinal), r.ToString()));
        var snapshot = results.Single(r => r.GetProperty("MfActivityIndex").GetInt32() == 1).GetProperty("ActivityResItem").GetProperty("SnapshotByTimeOffsetTask").GetProperty("Output");
        var sample = results.Single(r => r.GetProperty("MfActivityIndex").GetInt32() == 2).GetProperty("ActivityResItem").GetProperty("SampleSnapshotTask").GetProperty("Output");
        var picture = snapshot.GetProperty("PicInfoSet")[0];
        Assert.Equal([0L], picture.GetProperty("WaterMarkDefinition").EnumerateArray().Select(d => d.GetInt64()));
        var shot = await MagentaShareAsync(await DownloadAsync(picture.GetProperty("Path").GetString()!.TrimStart('/')), 0);
        Assert.True(shot > 0.9, $"time-offset screenshot: {shot:P0} of the mark's pixels are magenta");
        var samples = sample.GetProperty("ImagePathSet").EnumerateArray().Select(p => p.GetString()!.TrimStart('/')).ToList();
        Assert.True(samples.Count >= 2, sample.ToString());
        foreach (var key in samples)
        {
            var share = await MagentaShareAsync(await DownloadAsync(key), 0);
            Assert.True(share > 0.9, $"sampled screenshot {key}: {share:P0} magenta");
        }

        var missing = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-snapshotByTimeOffset", ReardriveIndex = ToOutput2, ActivityPara = new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = OneSecond, WatermarkSet = Inline("marks/none.png"), OutputObjectPath = "/inline/none.{format}" } } },
                new { ActivityType = "output" },
            },
        });
        var failed = (await Mps.WaitForFinishAsync(missing)).GetProperty("ScheduleTask").GetProperty("ActivityResultSet")[0].GetProperty("ActivityResItem").GetProperty("SnapshotByTimeOffsetTask");
        Assert.Equal(("FAIL", "SourceFileError.DownloadNotAccessible"), (failed.GetProperty("Status").GetString(), failed.GetProperty("ErrCodeExt").GetString()));
        Assert.Contains("WatermarkSet[0].RawParameter", failed.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessMedia_SvgTemplateWithoutSvgContent_MissingParameter()
    {
        var created = await Mps.OkAsync("CreateWatermarkTemplate", new { Type = "svg", Name = "svg", SvgTemplate = new { Width = "10W%" } });
        var reply = await Mps.CallAsync("ProcessMedia", new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-trans", ReardriveIndex = ToOutput2, ActivityPara = new { TranscodeTask = new { Definition = 100010, WatermarkSet = new object[] { new { Definition = created.GetProperty("Definition").GetInt64() } } } } },
                new { ActivityType = "output" },
            },
        });

        reply.AssertError("MissingParameter");
        Assert.Contains("SvgContent", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteWatermarkTemplate_SecondOfAScheduleWatermarkSet_ResourceInUse()
    {
        var text = new { FontType = "arial.ttf", FontSize = "20px", FontColor = "0xFFFFFF", FontAlpha = 1, TextContent = "mf" };
        var first = (await Mps.OkAsync("CreateWatermarkTemplate", new { Type = "text", TextTemplate = text })).GetProperty("Definition").GetInt64();
        var second = (await Mps.OkAsync("CreateWatermarkTemplate", new { Type = "text", TextTemplate = text })).GetProperty("Definition").GetInt64();
        object[] activities =
        [
            new { ActivityType = "input", ReardriveIndex = ToNode1 },
            new { ActivityType = "action-trans", ReardriveIndex = ToOutput2, ActivityPara = new { TranscodeTask = new { Definition = 100010, WatermarkSet = new object[] { new { Definition = first }, new { Definition = second } } } } },
            new { ActivityType = "output" },
        ];
        var scheduleId = await Mps.CreateScheduleAsync(Orchestrations.Schedule("marks-" + bucket, bucket, "/in/", activities));

        (await Mps.CallAsync("DeleteWatermarkTemplate", new { Definition = second })).AssertError("ResourceInUse");

        await Mps.OkAsync("DeleteSchedule", new { ScheduleId = scheduleId });
        await Mps.OkAsync("DeleteWatermarkTemplate", new { Definition = second });
        await Mps.OkAsync("DeleteWatermarkTemplate", new { Definition = first });
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

    /// <summary>Share of the mark's inner rectangle (x 274..309, y 214..229) that is magenta in the frame at <paramref name="seconds"/>.</summary>
    private static async Task<double> MagentaShareAsync(string path, double seconds)
    {
        var raw = path + ".rgb";
        // No -ss for a still image: the image2 demuxer returns no frame after a seek, even to 0.
        string[] seek = seconds > 0 ? ["-ss", seconds.ToString(CultureInfo.InvariantCulture)] : [];
        await RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", .. seek, "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", raw]);
        var rgb = await File.ReadAllBytesAsync(raw);
        Assert.True(rgb.Length == 320 * 240 * 3, $"{path}: {rgb.Length} bytes of RGB at {seconds} s ({new FileInfo(path).Length} bytes of file)");
        var (magenta, total) = (0, 0);
        for (var y = 214; y < 230; y++)
        {
            for (var x = 274; x < 310; x++)
            {
                var i = ((y * 320) + x) * 3;
                total++;
                magenta += rgb[i] > 180 && rgb[i + 1] < 80 && rgb[i + 2] > 180 ? 1 : 0;
            }
        }

        File.Delete(raw);
        return magenta / (double)total;
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
