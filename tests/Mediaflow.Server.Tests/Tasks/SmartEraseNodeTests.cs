using System.Diagnostics;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>
/// Smart erase end to end (docs/media-ai-analysis.md): a white logo burned into a moving gradient is detected and erased
/// by the preset (auto); the output in the bucket is much closer to a clean render over the logo's crop.
/// </summary>
public sealed class SmartEraseNodeTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/logo.mp4";
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToOutput2 = [2];
    private static readonly string[] Plate = ["plate"];
    private string bucket = "";
    private string clean = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "erase");
        clean = Path.Combine(server.WorkDirectory, bucket + "-clean.mp4");
        var logo = Path.Combine(server.WorkDirectory, bucket + "-logo.mp4");
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=3,scroll=h=0.01:v=0.005",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clean);
        // The logo is burned into the clean clip itself, so the reference is the very same clip (testsrc2 + scroll is deterministic; lavfi's gradients is not, even with a seed).
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", clean,
            "-f", "lavfi", "-i", "color=c=white:s=48x24", "-filter_complex", "[0:v][1:v]overlay=x=256:y=16:shortest=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", logo);
        await Buckets.PutFileAsync(server, bucket, Key, logo);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessMedia_AutoErasePreset_LogoGoneInTheOutput()
    {
        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-SmartErase", ReardriveIndex = ToOutput2, ActivityPara = new { SmartEraseTask = new { Definition = 10, OutputObjectPath = "/erased/{inputName}.{format}" } } },
                new { ActivityType = "output" },
            },
        });

        var detail = await Mps.WaitForFinishAsync(taskId);
        var result = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet")[0];
        Assert.Equal("SmartErase", result.GetProperty("ActivityType").GetString());
        var task = result.GetProperty("ActivityResItem").GetProperty("SmartEraseTask");
        Assert.True(task.GetProperty("Status").GetString() == "SUCCESS", task.ToString());
        var output = task.GetProperty("Output");
        Assert.Equal("/erased/logo.mp4", output.GetProperty("Path").GetString());
        Assert.Equal(bucket, output.GetProperty("OutputStorage").GetProperty("CosOutputStorage").GetProperty("Bucket").GetString());
        var area = Assert.Single(output.GetProperty("MfEraseAreaSet").EnumerateArray());
        Assert.InRange(area.GetProperty("X").GetInt64(), 248, 258);

        var erased = await DownloadAsync("erased/logo.mp4");
        var before = await CropPsnrAsync(clean, Path.Combine(server.WorkDirectory, bucket + "-logo.mp4"));
        var after = await CropPsnrAsync(clean, erased);
        Assert.True(after > before + 10, $"the logo's crop against the clean render: {before:0.0} dB before, {after:0.0} dB after erasing");
    }

    [Fact]
    public async Task SmartEraseTemplate_CrudAndUnimplementedTypesRefused()
    {
        var definition = (await Mps.OkAsync("CreateSmartEraseTemplate", new
        {
            Name = "corner", EraseType = "watermark",
            EraseWatermarkConfig = new { WatermarkEraseMethod = "custom", CustomAreas = new[] { new { BeginMs = 0, EndMs = 0, Areas = new[] { new { LeftTopX = 0.75, LeftTopY = 0.0, RightBottomX = 1.0, RightBottomY = 0.3, Unit = 1 } } } } },
        })).GetProperty("Definition").GetInt64();
        var listed = (await Mps.OkAsync("DescribeSmartEraseTemplates", new { Definitions = new[] { definition } })).GetProperty("SmartEraseTemplateSet")[0];
        Assert.Equal("custom", listed.GetProperty("EraseWatermarkConfig").GetProperty("WatermarkEraseMethod").GetString());
        // A new EraseType replaces the old type's configuration; a stale configuration sent along is still refused.
        (await Mps.CallAsync("ModifySmartEraseTemplate", new { Definition = definition, EraseType = "subtitle", EraseSubtitleConfig = new { SubtitleEraseMethod = "auto" }, EraseWatermarkConfig = new { WatermarkEraseMethod = "auto" } }))
            .AssertError("InvalidParameterValue.EraseWatermarkConfig");
        await Mps.OkAsync("ModifySmartEraseTemplate", new { Definition = definition, EraseType = "subtitle", EraseSubtitleConfig = new { SubtitleEraseMethod = "auto" } });
        var modified = (await Mps.OkAsync("DescribeSmartEraseTemplates", new { Definitions = new[] { definition } })).GetProperty("SmartEraseTemplateSet")[0];
        Assert.Equal("subtitle", modified.GetProperty("EraseType").GetString());
        Assert.Equal("auto", modified.GetProperty("EraseSubtitleConfig").GetProperty("SubtitleEraseMethod").GetString());
        Assert.False(modified.TryGetProperty("EraseWatermarkConfig", out var stale) && stale.ValueKind != System.Text.Json.JsonValueKind.Null);
        (await Mps.CallAsync("CreateSmartEraseTemplate", new { Name = "plates", EraseType = "privacy", ErasePrivacyConfig = new { PrivacyModel = "blur", PrivacyTargets = Plate } }))
            .AssertError("InvalidParameterValue.PrivacyTargets");
        (await Mps.CallAsync("ProcessMedia", new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-SmartErase", ReardriveIndex = ToOutput2, ActivityPara = new { SmartEraseTask = new { Definition = 0, RawParameter = new { EraseType = "subtitle", EraseSubtitleConfig = new { SubtitleEraseMethod = "auto", OcrSwitch = "ON" } } } } },
                new { ActivityType = "output" },
            },
        })).AssertError("InvalidParameterValue.OcrSwitch");
        await Mps.OkAsync("DeleteSmartEraseTemplate", new { Definition = definition });
    }

    private async Task<string> DownloadAsync(string key)
    {
        using var s3 = server.S3For(server.Account);
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
        var path = Path.Combine(server.WorkDirectory, bucket + "-output-" + Path.GetFileName(key)); // not the uploaded source's local name
        await using (var file = File.Create(path))
        {
            await response.ResponseStream.CopyToAsync(file);
        }

        return path;
    }

    /// <summary>PSNR (dB, RGB) of the logo's crop x 256..303, y 16..39 at 1.5 s of <paramref name="video"/> against <paramref name="reference"/>.</summary>
    private static async Task<double> CropPsnrAsync(string reference, string video)
    {
        async Task<byte[]> FrameAsync(string path)
        {
            var raw = path + ".rgb";
            await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-ss", "1.5", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", raw);
            var bytes = await File.ReadAllBytesAsync(raw);
            File.Delete(raw);
            return bytes;
        }

        var (a, b) = (await FrameAsync(reference), await FrameAsync(video));
        double sum = 0;
        var count = 0;
        for (var y = 16; y < 40; y++)
        {
            for (var x = 256 * 3; x < 304 * 3; x++)
            {
                var i = (y * 320 * 3) + x;
                sum += Math.Pow(a[i] - b[i], 2);
                count++;
            }
        }

        var mse = sum / count;
        return mse == 0 ? 99 : 10 * Math.Log10(255 * 255 / mse);
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
