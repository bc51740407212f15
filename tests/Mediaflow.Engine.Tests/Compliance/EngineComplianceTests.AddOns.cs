using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// Transcode inputs that are store objects besides the source: an inline (RawParameter) template with an inline image
/// watermark, and OverrideParameter's AddonAudioStream and AddOnSubtitles, run through ProcessMedia and the engine.
/// </summary>
public abstract partial class EngineComplianceTests
{
    private async Task<string> UploadTextAsync(long appId, string bucket, string key, string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mf-addon-{appId}-{Path.GetFileName(key)}");
        await File.WriteAllTextAsync(file, text);
        try
        {
            await Host.UploadAsync(appId, bucket, key, file);
        }
        finally
        {
            File.Delete(file);
        }

        return key;
    }

    [Fact]
    public async Task ProcessMedia_InlineTemplateWithInlineWatermark_AskedCodecSizeAndMarkPosition()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "inline");
        await Host.UploadAsync(appId, bucket, "src.mp4", Media.Video);
        var red = await TestMedia.GenerateAsync(Path.GetTempPath(), $"mf-red-{appId}.png", ["-f", "lavfi", "-i", "color=c=red:size=32x16", "-frames:v", "1"]);
        try
        {
            await Host.UploadAsync(appId, bucket, "marks/red.png", red);
        }
        finally
        {
            File.Delete(red);
        }

        var region = (await Host.HeadAsync(appId, bucket, "src.mp4"))!.Region;
        var raw = new TranscodeTemplate
        {
            Container = "mkv",
            VideoTemplate = new VideoTemplateInfo { Codec = "h265", Width = 256, Height = 144, Fps = 25 },
            AudioTemplate = new AudioTemplateInfo { Codec = "opus", Bitrate = 64, SampleRate = 48000 },
        };
        var watermark = new WatermarkInput
        {
            Definition = 0,
            RawParameter = new RawWatermarkParameter
            {
                Type = "image", CoordinateOrigin = "BottomRight", XPos = "10px", YPos = "10px",
                ImageTemplate = new RawImageWatermarkInput
                {
                    Width = "32px",
                    ImageContent = new MediaInputInfo { Type = "COS", CosInputInfo = new CosInputInfo { Bucket = bucket, Region = region, Object = "/marks/red.png" } },
                },
            },
        };

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "src.mp4"),
            Activities = [Input(1), PresetTranscode(new TranscodeTaskInput { Definition = 0, RawParameter = raw, WatermarkSet = [watermark], OutputObjectPath = "{inputName}_inline.{format}" }, 2), Output()],
        });

        Assert.Equal("SUCCESS", TaskView.Node(await Host.WaitFinishedAsync(appId, taskId), 1).Status);
        var output = await Host.ObjectFileAsync(appId, bucket, "src_inline.mkv");
        var probe = await TestMedia.ProbeAsync(output);
        Assert.Equal((256, 144, "hevc"), (probe.Width, probe.Height, probe.VideoCodec));
        Assert.Contains("audio:opus", await TestMedia.StreamsAsync(output));
        // 32×16 mark, 10 px from the right and bottom edges: x 214..245, y 118..133.
        var inside = await TestMedia.PixelAsync(output, 1, 228, 124);
        var outside = await TestMedia.PixelAsync(output, 1, 180, 124);
        Assert.True(inside is { R: > 160, G: < 90, B: < 90 }, $"inside the mark: {inside}");
        Assert.False(outside is { R: > 160, G: < 90, B: < 90 }, $"outside the mark: {outside}");

        var missing = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "src.mp4"),
            Activities = [Input(1), PresetTranscode(new TranscodeTaskInput
            {
                Definition = 0, RawParameter = raw, OutputObjectPath = "{inputName}_nomark.{format}",
                WatermarkSet = [watermark with { RawParameter = watermark.RawParameter with { ImageTemplate = watermark.RawParameter.ImageTemplate with { ImageContent = new MediaInputInfo { Type = "COS", CosInputInfo = new CosInputInfo { Bucket = bucket, Region = region, Object = "/marks/none.png" } } } } }],
            }, 2), Output()],
        });
        var failed = TaskView.Node(await Host.WaitFinishedAsync(appId, missing), 1);
        Assert.Equal(("FAIL", TaskErrorCodes.DownloadNotAccessible), (failed.Status, failed.ErrCodeExt));
        Assert.Contains("WatermarkSet[0].RawParameter", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessMedia_AddonAudioAndSubtitles_ExtraTracksInTheOutput()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "addons");
        await Host.UploadAsync(appId, bucket, "src.mp4", Media.Video);
        await Host.UploadAsync(appId, bucket, "tracks/commentary.m4a", Media.AudioOnly);
        await UploadTextAsync(appId, bucket, "tracks/en.srt", "1\n00:00:00,200 --> 00:00:01,000\nHello\n");
        var region = (await Host.HeadAsync(appId, bucket, "src.mp4"))!.Region;
        MediaInputInfo Object(string key) => new() { Type = "COS", CosInputInfo = new CosInputInfo { Bucket = bucket, Region = region, Object = "/" + key } };

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "src.mp4"),
            Activities =
            [
                Input(1),
                PresetTranscode(new TranscodeTaskInput
                {
                    Definition = 100010,
                    OutputObjectPath = "{inputName}_tracks.{format}",
                    OverrideParameter = new OverrideTranscodeParameter
                    {
                        AddonAudioStream = [Object("tracks/commentary.m4a")],
                        AddOnSubtitles = [new AddOnSubtitle { Type = "subtitle-stream", Subtitle = Object("tracks/en.srt"), SubtitleLanguage = "eng", SubtitleName = "English" }],
                    },
                }, 2),
                Output(),
            ],
        });

        Assert.Equal("SUCCESS", TaskView.Node(await Host.WaitFinishedAsync(appId, taskId), 1).Status);
        var streams = await TestMedia.StreamsAsync(await Host.ObjectFileAsync(appId, bucket, "src_tracks.mp4"));
        Assert.Equal(["video:h264", "audio:aac", "audio:aac", "subtitle:mov_text:eng"], streams.Select(s => s.Replace(":und", "", StringComparison.Ordinal)));

        var refused = await Assert.ThrowsAsync<ApiException>(() => Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "src.mp4"),
            Activities = [Input(1), PresetTranscode(new TranscodeTaskInput
            {
                Definition = 100010,
                OverrideParameter = new OverrideTranscodeParameter { Container = "flv", AddOnSubtitles = [new AddOnSubtitle { Type = "subtitle-stream", Subtitle = Object("tracks/en.srt") }] },
            }, 2), Output()],
        }));
        Assert.Equal("InvalidParameterValue.AddOnSubtitles", refused.Code);
    }
}
