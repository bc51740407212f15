using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Usage;

/// <summary>How a usage record is counted: in media seconds, or in images (DESIGN §7.7).</summary>
public enum UsageUnit
{
    Seconds,
    Images,
}

/// <summary>
/// The <c>DescribeUsageData</c> task type a node family bills under (docs/usage.md), its unit, and the
/// <c>Details[].Specification</c> a record of it is filed under, from its band and output codec (null = the spec defines no
/// specifications for the type).
/// </summary>
public sealed record UsageTaskType(string Name, UsageUnit Unit, Func<string, string, string>? Specification);

/// <summary>The mapping node type → billed task type, and the <c>Types</c> values DescribeUsageData accepts.</summary>
public static class UsageTaskTypes
{
    public const string Transcode = "Transcode";
    public const string Snapshot = "Snapshot";
    public const string AnimatedGraphics = "AnimatedGraphics";
    public const string AiAnalysis = "AIAnalysis";
    public const string AiRecognition = "AIRecognition";
    public const string AiReview = "AIReview";
    public const string AiQualityControl = "AiQualityControl";
    public const string SmartErase = "MfSmartErase";
    public const string SmartSubtitles = "MfSmartSubtitles";

    /// <summary>Every value of the spec's <c>Types</c> list (SDK 2019-06-12) plus our extensions for families the spec bills under no type.</summary>
    public static readonly IReadOnlyList<string> Accepted =
    [
        Transcode, "Enhance", AiAnalysis, AiRecognition, AiReview, Snapshot, AnimatedGraphics, AiQualityControl, "Evaluation", "ImageProcess",
        "AddBlindWatermark", "AddNagraWatermark", "ExtractBlindWatermark", "AIGCVideo", "AIGCImage", SmartErase, SmartSubtitles,
    ];

    /// <summary>
    /// Usage specifications of transcoding (spec <c>{TYPE}.{CODEC}.{SPECIFICATION}</c>): <c>Audio</c> for audio-only output,
    /// else <c>Standard.{CODEC}.{band}</c>; <c>Standard.{band}</c> for records that carry no codec (written before M0013).
    /// </summary>
    public static string TranscodeSpecification(string band, string codec) =>
        band == UsageBandNames.Audio ? "Audio" : CodecName(codec) is { Length: > 0 } name ? $"Standard.{name}.{band}" : $"Standard.{band}";

    /// <summary>The spec's CODEC names for ffprobe's or a template's codec (<c>H264</c>, <c>H265</c>, <c>AV1</c>); others upper-cased.</summary>
    public static string CodecName(string codec) => codec.ToUpperInvariant() switch
    {
        "" => "",
        "H264" or "LIBX264" or "AVC" => "H264",
        "HEVC" or "H265" or "LIBX265" => "H265",
        "AV1" or "LIBAOM-AV1" or "LIBSVTAV1" or "LIBDAV1D" => "AV1",
        "MPEG2VIDEO" => "MPEG2",
        var other => other,
    };

    /// <summary>The billed type of a node type; null for nodes that record no usage (IF, input, output).</summary>
    public static UsageTaskType? Of(string activityType) => activityType switch
    {
        ActivityTypes.Transcode or ActivityTypes.AdaptiveDynamicStreaming => new(Transcode, UsageUnit.Seconds, TranscodeSpecification),
        ActivityTypes.SnapshotByTimeOffset => new(Snapshot, UsageUnit.Images, (_, _) => "SnapshotByTime"),
        ActivityTypes.SampleSnapshot => new(Snapshot, UsageUnit.Images, (_, _) => "SampleSnapshot"),
        ActivityTypes.ImageSprite => new(Snapshot, UsageUnit.Images, (_, _) => "ImageSprite"),
        ActivityTypes.AnimatedGraphics => new(AnimatedGraphics, UsageUnit.Seconds, null),
        ActivityTypes.AiAnalysis => new(AiAnalysis, UsageUnit.Seconds, (_, _) => "AIAnalysis"),
        ActivityTypes.AiRecognition => new(AiRecognition, UsageUnit.Seconds, (_, _) => "AIRecognition"),
        "action-aiReview" => new(AiReview, UsageUnit.Seconds, null),
        ActivityTypes.QualityControl => new(AiQualityControl, UsageUnit.Seconds, null),
        ActivityTypes.SmartErase => new(SmartErase, UsageUnit.Seconds, (band, _) => band),
        "action-SmartSubtitles" => new(SmartSubtitles, UsageUnit.Seconds, null),
        _ => null,
    };

    /// <summary>The node types billed under <paramref name="taskType"/>.</summary>
    public static IReadOnlyList<string> ActivityTypesOf(string taskType) =>
        [.. ActivityTypes.KnownActions.Where(a => Of(a)?.Name == taskType).Order(StringComparer.Ordinal)];
}

/// <summary>Band names of usage records (the Engine's <c>UsageBands</c> produces them from the output's short side).</summary>
public static class UsageBandNames
{
    public const string Audio = "Audio";

    /// <summary>Every band, smallest first.</summary>
    public static readonly IReadOnlyList<string> All = [Audio, "SD", "HD", "FHD", "2K", "4K"];
}
