using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>Transcode node fields that reach beyond the template: OverrideParameter and HeadTailParameter (store clips).</summary>
public abstract partial class EngineComplianceTests
{
    private static Activity PresetTranscode(TranscodeTaskInput input, params long[] next) => new()
    {
        ActivityType = ActivityTypes.Transcode,
        ReardriveIndex = next,
        ActivityPara = new ActivityPara { TranscodeTask = input },
    };

    [Fact]
    public async Task ProcessMedia_OverrideParameter_MergedOverThePresetAndImpossibleOnesRefused()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "override");
        await Host.UploadAsync(appId, bucket, "src.mp4", Media.Video);

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "src.mp4"),
            Activities =
            [
                Input(1),
                PresetTranscode(new TranscodeTaskInput
                {
                    Definition = 100010,
                    OutputObjectPath = "{inputName}_small.{format}",
                    OverrideParameter = new OverrideTranscodeParameter { VideoTemplate = new() { Height = 144 } },
                }, 2),
                Output(),
            ],
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);
        Assert.Equal("SUCCESS", TaskView.Node(detail, 1).Status);
        var small = await ProbeObjectAsync(appId, bucket, "src_small.mp4");
        Assert.Equal((256, 144, "h264"), (small.Width, small.Height, small.VideoCodec));

        var refused = await Assert.ThrowsAsync<ApiException>(() => Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "src.mp4"),
            Activities = [Input(1), PresetTranscode(new TranscodeTaskInput { Definition = 100010, OverrideParameter = new() { Container = "webm" } }, 2), Output()],
        }));
        Assert.Equal("InvalidParameterValue.VideoCodec", refused.Code);
    }

    [Fact]
    public async Task ProcessMedia_HeadTailParameter_StoreClipsJoinedMissingClipFailsTheNode()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "headtail");
        await Host.UploadAsync(appId, bucket, "src.mp4", Media.Video);
        await Host.UploadAsync(appId, bucket, "clips/head.mp4", Media.LongVideo);
        var region = (await Host.HeadAsync(appId, bucket, "src.mp4"))!.Region;
        MediaInputInfo Clip(string key) => new() { Type = "COS", CosInputInfo = new CosInputInfo { Bucket = bucket, Region = region, Object = "/" + key } };
        Activity Node(string output, string headKey) => PresetTranscode(new TranscodeTaskInput
        {
            Definition = 0,
            RawParameter = Mp4(160),
            OutputObjectPath = output,
            HeadTailParameter = new HeadTailParameter { HeadSet = [Clip(headKey)], TailSet = [Clip("src.mp4")] },
        }, 2);

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(bucket, "src.mp4"), Activities = [Input(1), Node("{inputName}_joined.{format}", "clips/head.mp4"), Output()] });
        var detail = await Host.WaitFinishedAsync(appId, taskId);
        Assert.Equal("SUCCESS", TaskView.Node(detail, 1).Status);
        var joined = await ProbeObjectAsync(appId, bucket, "src_joined.mp4");
        Assert.Equal((160, 90), (joined.Width, joined.Height));
        Assert.InRange(joined.Duration, 3 + 2 + 2 - 0.1, 3 + 2 + 2 + 0.15); // head 3 s + source 2 s + tail 2 s

        var missingTask = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(bucket, "src.mp4"), Activities = [Input(1), Node("{inputName}_missing.{format}", "clips/nope.mp4"), Output()] });
        var missing = TaskView.Node(await Host.WaitFinishedAsync(appId, missingTask), 1);
        Assert.Equal(("FAIL", TaskErrorCodes.DownloadNotAccessible), (missing.Status, missing.ErrCodeExt));
        Assert.Contains("HeadTailParameter.HeadSet[0]", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessMedia_SubtitleFileInput_BurntFromTheStoreMissingFileFailsTheNode()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "subtitles");
        await Host.UploadAsync(appId, bucket, "src.mp4", Media.Video);
        var vtt = Path.Combine(Path.GetTempPath(), $"mf-sub-{appId}.vtt");
        await File.WriteAllTextAsync(vtt, "WEBVTT\n\n00:00.000 --> 00:01.500\nHello 你好\n");
        try
        {
            await Host.UploadAsync(appId, bucket, "subs/a.vtt", vtt);
        }
        finally
        {
            File.Delete(vtt);
        }

        var region = (await Host.HeadAsync(appId, bucket, "src.mp4"))!.Region;
        Activity Node(string output, string subtitleKey) => Transcode(Mp4(160) with
        {
            SubtitleTemplate = System.Text.Json.JsonSerializer.SerializeToElement(new
            {
                SubtitleFileInput = new { Type = "COS", CosInputInfo = new { Bucket = bucket, Region = region, Object = "/" + subtitleKey } },
                FontColor = "0xFF0000",
            }),
        }, output, 2);

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(bucket, "src.mp4"), Activities = [Input(1), Node("{inputName}_sub.{format}", "subs/a.vtt"), Output()] });
        var node = TaskView.Node(await Host.WaitFinishedAsync(appId, taskId), 1);
        Assert.Equal("SUCCESS", node.Status);
        Assert.Equal((160, 90), ((await ProbeObjectAsync(appId, bucket, "src_sub.mp4")).Width, (await ProbeObjectAsync(appId, bucket, "src_sub.mp4")).Height));

        var missingTask = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(bucket, "src.mp4"), Activities = [Input(1), Node("{inputName}_nosub.{format}", "subs/none.vtt"), Output()] });
        var missing = TaskView.Node(await Host.WaitFinishedAsync(appId, missingTask), 1);
        Assert.Equal(("FAIL", TaskErrorCodes.DownloadNotAccessible), (missing.Status, missing.ErrCodeExt));
        Assert.Contains("SubtitleFileInput", missing.Message, StringComparison.Ordinal);
    }
}
