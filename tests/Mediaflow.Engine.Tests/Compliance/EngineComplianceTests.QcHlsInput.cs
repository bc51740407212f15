using System.Text.Json.Nodes;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// An HLS playlist as the task source: the task starts (placeholder metadata, no streams), the inspection node checks the
/// playlist text, and a transcode of it still fails clearly on its own probe.
/// </summary>
public abstract partial class EngineComplianceTests
{
    [Fact]
    public async Task QualityControl_PlaylistSource_HlsItemsCheckedAndTranscodeRefused()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "qchls");
        using var media = new TempDirectory();
        // A media playlist without EXT-X-TARGETDURATION (HLSInvalidMediaM3u8) and with one discontinuity at 4 s.
        var playlist = Path.Combine(media.Path, "live.m3u8");
        await File.WriteAllTextAsync(playlist,
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:4.0,\na0.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:4.0,\na1.ts\n#EXT-X-ENDLIST\n");
        await Host.UploadAsync(appId, bucket, "live.m3u8", playlist);
        var template = await CreateQualityControlTemplateAsync(appId,
            new QualityControlItemConfig { Type = "HLSInvalidMediaM3u8" }, new QualityControlItemConfig { Type = "HLSMediaM3u8DiscontinuityExist" });

        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "live.m3u8"),
            Activities = [Input(1, 2), QualityControl(template, 3), Transcode(Mp4(0), "{inputName}_t.{format}", 3), Output()],
        });
        var detail = await Host.WaitFinishedAsync(appId, taskId);

        var qc = Succeeded(detail, 1);
        Assert.True(qc["NoVideo"]!.GetValue<bool>());
        var diagnoses = qc["ContainerDiagnoseResultSet"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(["HLSInvalidMediaM3u8", "HLSMediaM3u8DiscontinuityExist"], diagnoses.Select(d => d["Type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(diagnoses, d => Assert.Equal("HLSRequirements", d["Category"]!.GetValue<string>()));

        var transcode = TaskView.Node(detail, 2);
        Assert.Equal("FAIL", transcode.Status);
        Assert.Contains("cannot be read as media", transcode.Message, StringComparison.Ordinal);
    }
}
