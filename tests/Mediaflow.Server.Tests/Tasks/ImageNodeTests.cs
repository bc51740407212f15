using System.Text.Json;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>The screenshot-family nodes end to end (reference/mps-api.md §8, §10, §12): ProcessMedia → outputs in the bucket → DescribeTaskDetail.</summary>
public sealed class ImageNodeTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/clip.mp4";
    private static readonly string[] ThreeOffsets = ["0.5s", "50%", "100%"];
    private static readonly string[] PastTheEnd = ["9s"];
    private static readonly string[] OneSecond = ["1s"];
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "images");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 2);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static object[] Dag(params object[] paras)
    {
        var output = paras.Length + 1;
        var activities = new List<object> { new { ActivityType = "input", ReardriveIndex = Enumerable.Range(1, paras.Length).ToArray() } };
        activities.AddRange(paras.Select(p => p));
        activities.Add(new { ActivityType = "output" });
        return [.. activities];
    }

    private static object Node(string type, object para, int output) => new { ActivityType = type, ReardriveIndex = new[] { output }, ActivityPara = para };

    private static JsonElement Result(JsonElement detail, int index, string member)
    {
        var result = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray()
            .Single(r => r.GetProperty("MfActivityIndex").GetInt32() == index).GetProperty("ActivityResItem").GetProperty(member);
        return result;
    }

    [Fact]
    public async Task ProcessMedia_FourImageNodes_OutputsNamedAndReportedPerSpec()
    {
        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/shots/",
            Activities = Dag(
                Node("action-snapshotByTimeOffset", new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = ThreeOffsets } }, 5),
                Node("action-samplesnapshot", new { SampleSnapshotTask = new { Definition = 10, ObjectNumberFormat = new { InitialValue = 1, MinLength = 3 } } }, 5),
                Node("action-image-sprite", new { ImageSpriteTask = new { Definition = 10 } }, 5),
                Node("action-animated-graphics", new { AnimatedGraphicTask = new { Definition = 20, StartTimeOffset = 0.5, EndTimeOffset = 1.5 } }, 5)),
        });

        var detail = await Mps.WaitForFinishAsync(taskId);

        var snapshot = Result(detail, 1, "SnapshotByTimeOffsetTask");
        Assert.True(snapshot.GetProperty("Status").GetString() == "SUCCESS", snapshot.ToString());
        Assert.Equal(100, snapshot.GetProperty("Progress").GetInt32());
        var pictures = snapshot.GetProperty("Output").GetProperty("PicInfoSet").EnumerateArray().ToList();
        Assert.Equal(["/shots/clip_snapshotByTimeOffset_10_0.jpg", "/shots/clip_snapshotByTimeOffset_10_1.jpg", "/shots/clip_snapshotByTimeOffset_10_2.jpg"],
            pictures.Select(p => p.GetProperty("Path").GetString()));
        // 25 fps source: 0.5 s is frame 13 (0.52), 50 % of 2 s is 1.0 s (frame 25), 100 % is the last frame (1.96).
        Assert.Equal([0.52, 1.0, 1.96], pictures.Select(p => Math.Round(p.GetProperty("TimeOffset").GetDouble(), 2)));
        Assert.Equal("COS", snapshot.GetProperty("Output").GetProperty("Storage").GetProperty("Type").GetString());

        var sample = Result(detail, 2, "SampleSnapshotTask").GetProperty("Output");
        Assert.Equal("Percent", sample.GetProperty("SampleType").GetString());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"/shots/clip_sampleSnapshot_10_{i:000}.jpg"), sample.GetProperty("ImagePathSet").EnumerateArray().Select(p => p.GetString()));

        var sprite = Result(detail, 3, "ImageSpriteTask").GetProperty("Output");
        Assert.Equal(["/shots/clip_imageSprite_10_0.jpg"], sprite.GetProperty("ImagePathSet").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("/shots/clip_imageSprite_10.vtt", sprite.GetProperty("WebVttPath").GetString());
        Assert.Equal((142, 80, 100), (sprite.GetProperty("Width").GetInt64(), sprite.GetProperty("Height").GetInt64(), sprite.GetProperty("TotalCount").GetInt64()));
        var vtt = await ReadObjectAsync("shots/clip_imageSprite_10.vtt");
        Assert.Equal("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nclip_imageSprite_10_0.jpg#xywh=0,0,142,80\n", vtt);

        var animated = Result(detail, 4, "AnimatedGraphicTask").GetProperty("Output");
        Assert.Equal("/shots/clip_animatedGraphic_20.gif", animated.GetProperty("Path").GetString());
        Assert.Equal(("gif", 480, 360), (animated.GetProperty("Container").GetString(), animated.GetProperty("Width").GetInt64(), animated.GetProperty("Height").GetInt64()));
        Assert.Matches("^[0-9a-f]{32}$", animated.GetProperty("Md5").GetString());

        var gif = Path.Combine(server.WorkDirectory, bucket + ".gif");
        await File.WriteAllBytesAsync(gif, await ReadBytesAsync("shots/clip_animatedGraphic_20.gif"));
        var probe = await TestMedia.ProbeAsync(gif);
        Assert.Equal("gif", TestMedia.Stream(probe, "video").GetProperty("codec_name").GetString());
        Assert.Equal(animated.GetProperty("Size").GetInt64(), new FileInfo(gif).Length);
    }

    [Fact]
    public async Task ProcessMedia_OffsetPastTheEnd_NodeFailsWithInvalidTimeOffset()
    {
        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = Dag(Node("action-snapshotByTimeOffset", new { SnapshotByTimeOffsetTask = new { Definition = 10, ExtTimeOffsetSet = PastTheEnd } }, 2)),
        });

        var result = Result(await Mps.WaitForFinishAsync(taskId), 1, "SnapshotByTimeOffsetTask");

        Assert.Equal("FAIL", result.GetProperty("Status").GetString());
        Assert.Equal("InvalidInput.InvalidTimeOffset", result.GetProperty("ErrCodeExt").GetString());
    }

    public static TheoryData<string, string> Refused => new()
    {
        { """{"SnapshotByTimeOffsetTask":{"Definition":10,"ExtTimeOffsetSet":["1s"],"WatermarkSet":[{"Definition":424242}]}}""", "InvalidParameterValue.Definition" },
        { """{"SnapshotByTimeOffsetTask":{"Definition":10,"ExtTimeOffsetSet":["abc"]}}""", "InvalidParameterValue.ExtTimeOffsetSet" },
        { """{"SnapshotByTimeOffsetTask":{"Definition":777,"ExtTimeOffsetSet":["1s"]}}""", "InvalidParameterValue.Definition" },
        { """{"AnimatedGraphicTask":{"Definition":10,"StartTimeOffset":2,"EndTimeOffset":1}}""", "InvalidParameterValue.EndTimeOffset" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ProcessMedia_RefusedImageNode_InvalidParameterValueNamingTheField(string para, string code)
    {
        var type = para.Contains("Animated", StringComparison.Ordinal) ? "action-animated-graphics" : "action-snapshotByTimeOffset";
        var body = $$$"""
            {"InputInfo":{"Type":"COS","CosInputInfo":{"Bucket":"{{{bucket}}}","Region":"{{{Orchestrations.Region}}}","Object":"/{{{Key}}}"}},
             "Activities":[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"{{{type}}}","ReardriveIndex":[2],"ActivityPara":{{{para}}}},{"ActivityType":"output"}]}
            """;
        (await Mps.SendAsync("ProcessMedia", body)).AssertError(code);
    }

    [Fact]
    public async Task DeleteSnapshotTemplate_UsedBySchedule_ResourceInUse()
    {
        var definition = (await Mps.OkAsync("CreateSnapshotByTimeOffsetTemplate", new { Format = "png" })).GetProperty("Definition").GetInt64();
        var activities = Dag(Node("action-snapshotByTimeOffset", new { SnapshotByTimeOffsetTask = new { Definition = definition, ExtTimeOffsetSet = OneSecond } }, 2));
        var scheduleId = await Mps.CreateScheduleAsync(Orchestrations.Schedule("uses-" + bucket, bucket, "/in/", activities));

        (await Mps.CallAsync("DeleteSnapshotByTimeOffsetTemplate", new { Definition = definition })).AssertError("ResourceInUse");

        await Mps.OkAsync("DeleteSchedule", new { ScheduleId = scheduleId });
        await Mps.OkAsync("DeleteSnapshotByTimeOffsetTemplate", new { Definition = definition });
    }

    private async Task<byte[]> ReadBytesAsync(string key)
    {
        using var s3 = server.S3For(server.Account);
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private async Task<string> ReadObjectAsync(string key) => System.Text.Encoding.UTF8.GetString(await ReadBytesAsync(key));
}
