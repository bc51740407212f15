using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Templates;

/// <summary>Transcode template CRUD (reference/mps-api.md §13.0–§13.1) and a custom template used by a schedule.</summary>
public sealed class TranscodeTemplateTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    private MpsClient Mps => server.Mps;

    private static object HevcMp4(string name) => new
    {
        Container = "mp4",
        Name = name,
        Comment = "h265 + aac",
        VideoTemplate = new { Codec = "h265", Fps = 25, Bitrate = 300, Width = 0, Height = 240 },
        AudioTemplate = new { Codec = "aac", Bitrate = 64, SampleRate = 44100, AudioChannel = 2 },
    };

    [Fact]
    public async Task CreateTranscodeTemplate_CustomHevc_ListedNextToPresetsWithStringDefinitions()
    {
        var definition = (await Mps.OkAsync("CreateTranscodeTemplate", HevcMp4("hevc-listed"))).GetProperty("Definition").GetInt64();
        Assert.True(definition >= 10000, $"custom Definition {definition}");

        var presets = (await Mps.OkAsync("DescribeTranscodeTemplates", new { Type = "Preset", Limit = 100 })).GetProperty("TranscodeTemplateSet").EnumerateArray().ToList();
        var flu = presets.Single(t => t.GetProperty("Definition").ValueKind == JsonValueKind.String && t.GetProperty("Definition").GetString() == "100010");
        Assert.Equal("Preset", flu.GetProperty("Type").GetString());
        Assert.All(presets, t => Assert.Equal(JsonValueKind.String, t.GetProperty("Definition").ValueKind));
        Assert.All(presets, t => Assert.Equal("Preset", t.GetProperty("Type").GetString()));

        var mine = (await Mps.OkAsync("DescribeTranscodeTemplates", new { Definitions = new[] { definition } })).GetProperty("TranscodeTemplateSet");
        var custom = Assert.Single(mine.EnumerateArray());
        Assert.Equal(definition.ToString(System.Globalization.CultureInfo.InvariantCulture), custom.GetProperty("Definition").GetString());
        Assert.Equal("Custom", custom.GetProperty("Type").GetString());
        Assert.Equal("hevc-listed", custom.GetProperty("Name").GetString());
        Assert.Equal("h265", custom.GetProperty("VideoTemplate").GetProperty("Codec").GetString());
        Assert.Equal("Video", custom.GetProperty("ContainerType").GetString());
    }

    [Fact]
    public async Task CreateTranscodeTemplate_Concurrently_EachGetsItsOwnDefinition()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Mps.CallAsync("CreateTranscodeTemplate", HevcMp4($"parallel-{i}"))));

        var definitions = replies.Select(r => r.Success().GetProperty("Definition").GetInt64()).ToList();
        Assert.Equal(definitions.Count, definitions.Distinct().Count());
        var listed = (await Mps.OkAsync("DescribeTranscodeTemplates", new { Definitions = definitions, Limit = 100 })).GetProperty("TranscodeTemplateSet");
        Assert.Equal(
            Enumerable.Range(0, 6).Select(i => $"parallel-{i}").Order(),
            listed.EnumerateArray().Select(t => t.GetProperty("Name").GetString()!).Order());
    }

    [Fact]
    public async Task ModifyTranscodeTemplate_Preset_ModifyDefaultTemplate()
    {
        (await Mps.CallAsync("ModifyTranscodeTemplate", new { Definition = 100010, Name = "mine-now" })).AssertError("InvalidParameterValue.ModifyDefaultTemplate");
        (await Mps.CallAsync("DeleteTranscodeTemplate", new { Definition = 100010 })).AssertError("InvalidParameterValue.DeleteDefaultTemplate");
        await Mps.AssertStillServingAsync();
    }

    public static TheoryData<string, string> Impossible => new()
    {
        { """{"Container":"mp3","VideoTemplate":{"Codec":"h264","Fps":25,"Bitrate":500},"AudioTemplate":{"Codec":"mp3","Bitrate":128,"SampleRate":44100}}""", "VideoCodec" },
        { """{"Container":"mp4","VideoTemplate":{"Codec":"vp9","Fps":25,"Bitrate":500},"AudioTemplate":{"Codec":"aac","Bitrate":64,"SampleRate":44100}}""", "VideoCodec" },
        { """{"Container":"mp4","VideoTemplate":{"Codec":"h264","Fps":25,"Bitrate":500},"AudioTemplate":{"Codec":"flac","Bitrate":64,"SampleRate":44100}}""", "AudioCodec" },
        { """{"Container":"avi","VideoTemplate":{"Codec":"h264","Fps":25,"Bitrate":500},"AudioTemplate":{"Codec":"aac","Bitrate":64,"SampleRate":44100}}""", "Container" },
        { """{"Container":"mp4","VideoTemplate":{"Codec":"h264","Fps":25,"Bitrate":50},"AudioTemplate":{"Codec":"aac","Bitrate":64,"SampleRate":44100}}""", "VideoBitrate" },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public async Task CreateTranscodeTemplate_ImpossibleCombination_InvalidField(string body, string field)
    {
        (await Mps.SendAsync("CreateTranscodeTemplate", body)).AssertError($"InvalidParameterValue.{field}");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task CustomTemplate_UsedBySchedule_ProducesHevcAndCannotBeDeleted()
    {
        var bucket = await Buckets.CreateAsync(server, "templates");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "hevc-source.mp4"), seconds: 1);
        await Buckets.PutFileAsync(server, bucket, "in/clip.mp4", clip);
        var definition = (await Mps.OkAsync("CreateTranscodeTemplate", HevcMp4("hevc-used"))).GetProperty("Definition").GetInt64();
        var scheduleId = await Mps.CreateScheduleAsync(Orchestrations.Schedule("hevc-" + bucket, bucket, "/in/", Orchestrations.Transcodes(definition)));

        var taskId = await Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, "in/clip.mp4"), ScheduleId = scheduleId });
        var output = TaskResults.SuccessfulTranscode(await Mps.WaitForFinishAsync(taskId)).GetProperty("Output");

        var local = Path.Combine(server.WorkDirectory, "hevc-output.mp4");
        using (var s3 = server.S3For(server.Account))
        using (var got = await s3.GetObjectAsync(bucket, output.GetProperty("Path").GetString()![1..]))
        {
            await got.WriteResponseStreamToFileAsync(local, append: false, CancellationToken.None);
        }

        var video = TestMedia.Stream(await TestMedia.ProbeAsync(local), "video");
        Assert.Equal("hevc", video.GetProperty("codec_name").GetString());
        Assert.Equal(240, video.GetProperty("height").GetInt32());

        (await Mps.CallAsync("DeleteTranscodeTemplate", new { Definition = definition })).AssertError("ResourceInUse");
        await Mps.OkAsync("DeleteSchedule", new { ScheduleId = scheduleId });
        await Mps.OkAsync("DeleteTranscodeTemplate", new { Definition = definition });
        var gone = await Mps.OkAsync("DescribeTranscodeTemplates", new { Definitions = new[] { definition } });
        Assert.Equal(0, gone.GetProperty("TotalCount").GetInt64());
    }
}
