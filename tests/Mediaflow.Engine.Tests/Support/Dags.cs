using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>Builds orchestration DAGs and the small inline templates the tests run (fast to encode, easy to tell apart).</summary>
public static class Dags
{
    /// <summary>H.264 + AAC MP4 at <paramref name="width"/> px wide (0 = the input's size).</summary>
    public static TranscodeTemplate Mp4(long width) => new()
    {
        Container = "mp4",
        VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = width, Height = 0, Fps = 0 },
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 64 },
    };

    /// <summary>AAC audio only (m4a): runs on any source that has audio.</summary>
    public static TranscodeTemplate M4a() => new()
    {
        Container = "m4a",
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 64 },
    };

    /// <summary>
    /// A deliberately expensive encode (H.265 upscaled to 1280×720 at 60 fps) of a small source, so a node is still
    /// running when a test aborts it, stops the host or waits for progress events.
    /// </summary>
    public static TranscodeTemplate Slow() => new()
    {
        Container = "mp4",
        VideoTemplate = new VideoTemplateInfo { Codec = "h265", Width = 1280, Height = 720, Fps = 60, FillType = "stretch" },
        AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 64 },
    };

    public static Activity Input(params long[] next) => new() { ActivityType = ActivityTypes.Input, ReardriveIndex = next };

    public static Activity Output() => new() { ActivityType = ActivityTypes.Output, ReardriveIndex = [] };

    /// <param name="outputPath">OutputObjectPath (relative to the output dir), e.g. <c>{inputName}_a.{format}</c>.</param>
    public static Activity Transcode(TranscodeTemplate template, string outputPath, params long[] next) => new()
    {
        ActivityType = ActivityTypes.Transcode,
        ReardriveIndex = next,
        ActivityPara = new ActivityPara
        {
            TranscodeTask = new TranscodeTaskInput { Definition = 0, RawParameter = template, OutputObjectPath = outputPath },
        },
    };

    public static MediaInputInfo CosInput(string bucket, string key) => new()
    {
        Type = "COS",
        CosInputInfo = new CosInputInfo { Bucket = bucket, Region = Region, Object = "/" + key },
    };

    public static TaskOutputStorage CosOutput(string bucket) => new()
    {
        Type = "COS",
        CosOutputStorage = new CosOutputStorage { Bucket = bucket, Region = Region },
    };

    public static WorkflowTrigger UploadTrigger(string bucket, string dir = "/", IReadOnlyList<string>? formats = null) => new()
    {
        Type = WorkflowTrigger.CosFileUpload,
        CosFileUploadTrigger = new CosFileUploadTrigger { Bucket = bucket, Region = Region, Dir = dir, Formats = formats },
    };

    public const string Region = "ap-guangzhou";
}
