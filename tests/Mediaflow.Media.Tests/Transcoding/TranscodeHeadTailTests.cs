using System.Globalization;
using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>HeadTailParameter in the media layer: head + clipped main + tail joined by concat, each brought to the output frame.</summary>
public sealed class TranscodeHeadTailTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private async Task<ClipSource> ClipAsync(string path) => new(path, await media.Prober.ProbeAsync(path, CancellationToken.None));

    /// <summary>RGB of pixel (x, y) of the 320×180 frame at <paramref name="seconds"/>.</summary>
    private async Task<(int R, int G, int B)> PixelAsync(string video, double seconds, int x, int y)
    {
        var raw = await TestMedia.GenerateAsync(dir.Path, string.Create(CultureInfo.InvariantCulture, $"px-{seconds}-{x}-{y}.rgb"),
            ["-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", video, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24"]);
        var bytes = await File.ReadAllBytesAsync(raw);
        var i = ((y * 320) + x) * 3;
        return (bytes[i], bytes[i + 1], bytes[i + 2]);
    }

    [Fact]
    public async Task TranscodeAsync_HeadAndTail_ConcatenatedAroundClippedMain()
    {
        var main = await TestMedia.VideoWithAudioAsync(dir.Path, seconds: 2);
        // Head: 4:3, no audio (silence is inserted); tail: 16:9 larger, mono 44.1 kHz audio.
        var head = await TestMedia.GenerateAsync(dir.Path, "head.mp4",
            ["-f", "lavfi", "-i", "color=c=red:size=240x180:rate=30:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        var tail = await TestMedia.GenerateAsync(dir.Path, "tail.mp4",
            ["-f", "lavfi", "-i", "color=c=blue:size=640x360:rate=25:duration=1", "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=44100:duration=1",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "1", "-shortest"]);
        var template = new TranscodeTemplate
        {
            Container = "mp4",
            VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 320, Height = 180, Fps = 25 },
            AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 64 },
        };
        var work = Directory.CreateDirectory(dir.File("work")).FullName;
        var result = await media.Executor.TranscodeAsync(
            new TranscodeRequest
            {
                SourcePath = main, Source = await media.Prober.ProbeAsync(main, CancellationToken.None), Template = template,
                WorkDirectory = work, OutputFileName = "out.mp4", StartTimeOffset = 1,
                HeadClips = [await ClipAsync(head)], TailClips = [await ClipAsync(tail)],
            },
            null,
            CancellationToken.None);

        Assert.Contains("concat=n=3:v=1:a=1[vout][aout]", result.CommandLine, StringComparison.Ordinal);
        var output = await Ffprobe.VideoAsync(result.Files[0].LocalPath);
        Assert.Equal((320L, 180L), (output.Width, output.Height));
        Assert.Equal(75, output.Frames); // 1 s head + 1 s of main (from 1 s) + 1 s tail at 25 fps
        Assert.InRange(output.Duration, 3 - 0.04, 3 + 0.06);

        var headCentre = await PixelAsync(result.Files[0].LocalPath, 0.5, 160, 90);
        var headBar = await PixelAsync(result.Files[0].LocalPath, 0.5, 10, 90);
        var tailCentre = await PixelAsync(result.Files[0].LocalPath, 2.5, 160, 90);
        Assert.True(headCentre.R > 200 && headCentre.G < 60 && headCentre.B < 60, $"head not red: {headCentre}");
        Assert.True(headBar.R < 30 && headBar.G < 30 && headBar.B < 30, $"4:3 head not pillarboxed in black: {headBar}");
        Assert.True(tailCentre.B > 200 && tailCentre.R < 60 && tailCentre.G < 60, $"tail not blue: {tailCentre}");

        var audio = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name,duration", "-of", "csv=p=0", result.Files[0].LocalPath);
        var fields = audio.Trim().Split(',');
        Assert.Equal("aac", fields[0]);
        Assert.InRange(double.Parse(fields[1], CultureInfo.InvariantCulture), 2.9, 3.1);
    }

    [Theory]
    [InlineData("""{"HeadSet":[{"Type":"URL","UrlInputInfo":{"Url":"http://example.com/a.mp4"}}]}""")]
    [InlineData("""{"TailSet":[{"Type":"COS","CosInputInfo":{"Bucket":"b-1250000000","Region":"ap-guangzhou"}}]}""")]
    [InlineData("""{"HeadSet":[{"Type":"COS","CosInputInfo":{"Bucket":"b-1250000000","Region":"ap-guangzhou","Object":"/h.mp4"}}],"TailSet":[null]}""")]
    public void ValidateActivities_HeadTailNotAStoreObject_RefusedNamingHeadTailParameter(string headTail)
    {
        var activities = JsonSerializer.Deserialize<List<Activity>>(
            """[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":{"Definition":100010,"HeadTailParameter":"""
            + headTail + """}}},{"ActivityType":"output"}]""")!;
        var error = Assert.Throws<ApiException>(() => OrchestrationRules.ValidateActivities(activities));
        Assert.Equal("InvalidParameterValue.HeadTailParameter", error.Code);
        Assert.StartsWith("Activities[1]: TranscodeTask.HeadTailParameter.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateActivities_HeadTailStoreObjects_Accepted()
    {
        var activities = JsonSerializer.Deserialize<List<Activity>>(
            """[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":{"Definition":100010,"HeadTailParameter":{"HeadSet":[{"Type":"COS","CosInputInfo":{"Bucket":"b-1250000000","Region":"ap-guangzhou","Object":"/h.mp4"}}],"TailSet":[]}}}},{"ActivityType":"output"}]""")!;
        OrchestrationRules.ValidateActivities(activities);
        Assert.Equal("h.mp4", activities[1].ActivityPara!.TranscodeTask!.HeadTailParameter!.HeadSet![0].CosInputInfo!.Key);
    }

    [Fact]
    public async Task TranscodeAsync_HeadTailOnAudioOnlyOutput_ConfigurationUnsupported()
    {
        var main = await TestMedia.VideoWithAudioAsync(dir.Path, seconds: 1);
        var work = Directory.CreateDirectory(dir.File("work-audio")).FullName;
        var clip = await ClipAsync(main);
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => media.Executor.TranscodeAsync(
            new TranscodeRequest
            {
                SourcePath = main, Source = clip.Probe, Template = PresetTranscodeTemplates.Find(1010)!,
                WorkDirectory = work, OutputFileName = "out.mp3", HeadClips = [clip],
            },
            null,
            CancellationToken.None));
        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
