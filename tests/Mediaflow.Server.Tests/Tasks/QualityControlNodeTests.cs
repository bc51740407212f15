using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>The inspection node through the API (docs/quality-control.md): save-time refusals and the flat ProcessMedia form.</summary>
public sealed class QualityControlNodeTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/clip.mp4";
    private string bucket = "";
    private long ssimTemplate;

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "qc");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 1);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
        ssimTemplate = (await Mps.OkAsync("CreateQualityControlTemplate", new { Name = "ssim", QualityControlItemSet = new[] { new { Type = "SSIM" } } }))
            .GetProperty("Definition").GetInt64();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static object[] Dag(object para) =>
    [
        new { ActivityType = "input", ReardriveIndex = new[] { 1 } },
        new { ActivityType = "action-AIQualityControl", ReardriveIndex = new[] { 2 }, ActivityPara = new { QualityControlTask = para } },
        new { ActivityType = "output" },
    ];

    private Task<MpsReply> ProcessAsync(object para) =>
        Mps.CallAsync("ProcessMedia", new { InputInfo = Orchestrations.CosInput(bucket, Key), OutputStorage = Orchestrations.Output(bucket), Activities = Dag(para) });

    [Fact]
    public async Task ProcessMedia_QualityControlNodeBadParameters_RefusedNamingNodeAndField()
    {
        (await ProcessAsync(new { Definition = 99999 })).AssertError("InvalidParameterValue.Definition");
        (await ProcessAsync(new { Definition = ssimTemplate, ChannelExtPara = "x" })).AssertError("InvalidParameterValue.ChannelExtPara");
        (await ProcessAsync(new { })).AssertError("MissingParameter");
        var presets = (await Mps.OkAsync("DescribeQualityControlTemplates", new { Type = "Preset", Limit = 100 })).GetProperty("QualityControlTemplateSet")
            .EnumerateArray().Select(p => p.GetProperty("Definition").GetInt64()).ToHashSet();
        foreach (var absent in new long[] { 10, 20, 30, 40 }.Where(p => !presets.Contains(p)))
        {
            var reply = await ProcessAsync(new { Definition = absent });
            reply.AssertError("InvalidParameterValue.Definition");
            Assert.StartsWith("Activities[1]: ", reply.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ProcessMedia_FlatAiQualityControlTask_WorkflowTaskWithItsResult()
    {
        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            AiQualityControlTask = new { Definition = ssimTemplate },
        });

        var detail = await Mps.WaitForFinishAsync(taskId);
        Assert.Equal("WorkflowTask", detail.GetProperty("TaskType").GetString());
        var result = detail.GetProperty("WorkflowTask").GetProperty("AiQualityControlTaskResult");
        Assert.True(result.GetProperty("Status").GetString() == "SUCCESS", result.ToString());
        Assert.Equal(ssimTemplate, result.GetProperty("Input").GetProperty("Definition").GetInt64());
        var output = result.GetProperty("Output");
        Assert.False(output.GetProperty("NoAudio").GetBoolean());
        Assert.False(output.GetProperty("NoVideo").GetBoolean());
        Assert.Equal(1, output.GetProperty("MfSsim").GetDouble());
        Assert.Equal(JsonValueKind.Array, output.GetProperty("QualityControlResultSet").ValueKind);
        Assert.Empty(detail.GetProperty("WorkflowTask").GetProperty("MediaProcessResultSet").EnumerateArray());

        (await Mps.CallAsync("ProcessMedia", new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            Activities = Dag(new { Definition = ssimTemplate }),
            AiQualityControlTask = new { Definition = ssimTemplate },
        })).AssertError("InvalidParameterValue.AiQualityControlTask");
    }
}
