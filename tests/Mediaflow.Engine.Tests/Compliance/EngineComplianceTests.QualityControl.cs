using System.Text.Json.Nodes;
using Mediaflow.Application.Tasks;
using Mediaflow.Application.Templates;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.QualityControl;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// The inspection node (docs/quality-control.md) behind transcodes: SSIM/PSNR against the task source, NoAudio/NoVideo
/// from the probe, and its input passed through to a successor.
/// </summary>
public abstract partial class EngineComplianceTests
{
    private static Activity QualityControl(long definition, params long[] next) => new()
    {
        ActivityType = ActivityTypes.QualityControl,
        ReardriveIndex = next,
        ActivityPara = new ActivityPara { QualityControlTask = new AiQualityControlTaskInput { Definition = definition } },
    };

    private static TranscodeTemplate H264(long bitrate, bool audio) => new()
    {
        Container = "mp4",
        RemoveAudio = audio ? 0 : 1,
        VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 0, Height = 0, Fps = 0, Bitrate = bitrate },
        AudioTemplate = audio ? new AudioTemplateInfo { Codec = "aac", Bitrate = 64 } : null,
    };

    private async Task<long> CreateQualityControlTemplateAsync(long appId, params QualityControlItemConfig[] items)
    {
        var family = await Host.WithAsync<QualityControlCatalog, TemplateFamily<QualityControlTemplate>>(catalog => Task.FromResult(catalog.Family));
        var created = await Host.WithAsync<TemplateFamilyService, QualityControlTemplate>(service =>
            service.CreateAsync(family, appId, new QualityControlTemplate { Name = "fr", QualityControlItemSet = items }, CancellationToken.None));
        return created.Definition;
    }

    [Fact]
    public async Task ProcessMedia_TranscodeThenQualityControl_LowBitrateBelowThresholdsHighBitrateClean()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "qcfr");
        // Mild temporal noise, so 128 kbps visibly hurts (SSIM ≈ 0.81, PSNR ≈ 31 dB) while 3000 kbps does not (≈ 0.95, 40 dB).
        using var media = new TempDirectory();
        var source = await TestMedia.GenerateAsync(media.Path, "noisy.mp4",
            ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2,noise=alls=8:allf=t",
             "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2",
             "-c:v", "libx264", "-preset", "ultrafast", "-crf", "14", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"]);
        await Host.UploadAsync(appId, bucket, "noisy.mp4", source);
        var template = await CreateQualityControlTemplateAsync(appId,
            new QualityControlItemConfig { Type = "SSIM", Threshold = "0.9" }, new QualityControlItemConfig { Type = "PSNR", Threshold = "35" });

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "noisy.mp4"),
            Activities =
            [
                Input(1, 3, 5),
                Transcode(H264(128, audio: false), "{inputName}_low.{format}", 2),
                QualityControl(template, 6),
                Transcode(H264(3000, audio: true), "{inputName}_high.{format}", 4),
                QualityControl(template, 6),
                QualityControl(template, 6),
                Output(),
            ],
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        var low = Succeeded(detail, 2);
        Assert.True(low["NoAudio"]!.GetValue<bool>());
        Assert.False(low["NoVideo"]!.GetValue<bool>());
        Assert.InRange(low["MfSsim"]!.GetValue<double>(), 0.5, 0.9);
        Assert.InRange(low["MfPsnr"]!.GetValue<double>(), 20, 35);
        var anomalies = low["QualityControlResultSet"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(["SSIM", "PSNR"], anomalies.Select(a => a["Type"]!.GetValue<string>()));
        var range = anomalies[0]["QualityControlItems"]![0]!.AsObject();
        Assert.Equal(0, range["StartTimeOffset"]!.GetValue<double>());
        Assert.InRange(range["EndTimeOffset"]!.GetValue<double>(), 1.9, 2.1);
        Assert.Empty(low["ContainerDiagnoseResultSet"]!.AsArray());
        Assert.Null(low["OutputStorage"]);

        var high = Succeeded(detail, 4);
        Assert.False(high["NoAudio"]!.GetValue<bool>());
        Assert.InRange(high["MfSsim"]!.GetValue<double>(), 0.9, 1);
        Assert.InRange(high["MfPsnr"]!.GetValue<double>(), 35, 60);
        Assert.Empty(high["QualityControlResultSet"]!.AsArray());

        // Right behind the input the node measures the source against itself.
        var itself = Succeeded(detail, 5);
        Assert.Equal((1.0, 100.0), (itself["MfSsim"]!.GetValue<double>(), itself["MfPsnr"]!.GetValue<double>()));
    }

    [Fact]
    public async Task ProcessMedia_TimeSpotCheck_MeasuresOnlyTheWindow()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "qcspot");
        using var media = new TempDirectory();
        // Clean for the first second, heavily noisy after: a window skipping that second sees only the damage.
        var source = await TestMedia.GenerateAsync(media.Path, "late.mp4",
            ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=3,noise=alls=50:allf=t:enable='gte(t,1)'",
             "-c:v", "libx264", "-preset", "ultrafast", "-crf", "14", "-pix_fmt", "yuv420p"]);
        await Host.UploadAsync(appId, bucket, "late.mp4", source);
        var family = await Host.WithAsync<QualityControlCatalog, TemplateFamily<QualityControlTemplate>>(catalog => Task.FromResult(catalog.Family));
        var template = (await Host.WithAsync<TemplateFamilyService, QualityControlTemplate>(service => service.CreateAsync(family, appId, new QualityControlTemplate
        {
            Name = "spot",
            QualityControlItemSet = [new QualityControlItemConfig { Type = "SSIM", Threshold = "0.9" }],
            Strategy = new QualityControlStrategy
            {
                StrategyType = "TimeSpotCheck",
                TimeSpotCheck = new TimeSpotCheck { SkipDuration = 1, CheckDuration = 10, CheckInterval = 10 },
            },
        }, CancellationToken.None))).Definition;

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "late.mp4"),
            Activities = [Input(1), Transcode(H264(128, audio: false), "{inputName}_low.{format}", 2), QualityControl(template, 3), Output()],
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        var spot = Succeeded(detail, 2);
        Assert.True(spot["MfSsim"]!.GetValue<double>() < 0.9, spot.ToJsonString());
        var item = Assert.Single(spot["QualityControlResultSet"]!.AsArray())!["QualityControlItems"]![0]!.AsObject();
        Assert.Equal(1, item["StartTimeOffset"]!.GetValue<double>());
        Assert.InRange(item["EndTimeOffset"]!.GetValue<double>(), 2.9, 3.1);
    }

    [Fact]
    public async Task ProcessMedia_QualityControlBetweenTranscodes_SuccessorGetsTheTranscodeNotTheSource()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "qcpass");
        await Host.UploadAsync(appId, bucket, "src.mp4", Media.Video);
        var template = await CreateQualityControlTemplateAsync(appId, new QualityControlItemConfig { Type = "SSIM" });

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "src.mp4"),
            Activities =
            [
                Input(1),
                Transcode(Mp4(160), "{inputName}_small.{format}", 2),
                QualityControl(template, 3),
                Transcode(Mp4(0), "{inputName}_after.{format}", 4),
                Output(),
            ],
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        Assert.True(Succeeded(detail, 2)["MfSsim"]!.GetValue<double>() > 0.5);
        Assert.Equal("SUCCESS", TaskView.Node(detail, 3).Status);
        // Width 0 keeps the input's size: 160 px wide proves node 3 consumed node 1's output through the QC node, not the 320 px source.
        var after = await ProbeObjectAsync(appId, bucket, "src_after.mp4");
        Assert.Equal(160, after.Width);
    }

    private static JsonObject Succeeded(JsonObject detail, int index)
    {
        var node = TaskView.Node(detail, index);
        Assert.True(node.Status == "SUCCESS", $"Activities[{index}]: {node.Status} {node.ErrCodeExt} {node.Message}");
        return node.Output!;
    }
}
