namespace Mediaflow.Domain.Orchestrations;

/// <summary>The <c>ActivityType</c> wire values and the result type names they report under.</summary>
public static class ActivityTypes
{
    public const string Input = "input";
    public const string Output = "output";
    public const string Transcode = "action-trans";
    public const string SnapshotByTimeOffset = "action-snapshotByTimeOffset";
    public const string SampleSnapshot = "action-samplesnapshot";
    public const string ImageSprite = "action-image-sprite";
    public const string AnimatedGraphics = "action-animated-graphics";
    public const string AdaptiveDynamicStreaming = "action-adaptive-substream";
    public const string QualityControl = "action-AIQualityControl";
    public const string ExecRules = "action-exec-rules";
    public const string AiRecognition = "action-AIRecognition";
    public const string AiAnalysis = "action-AIAnalysis";
    public const string SmartErase = "action-SmartErase";
    public const string AiContentReview = "action-aiReview";
    public const string SmartSubtitles = "action-SmartSubtitles";

    /// <summary>Every action type the API defines; the ones not yet implemented are refused at save time.</summary>
    public static readonly IReadOnlySet<string> KnownActions = new HashSet<string>(StringComparer.Ordinal)
    {
        Transcode, "action-samplesnapshot", "action-snapshotByTimeOffset", "action-image-sprite", "action-animated-graphics",
        "action-adaptive-substream", "action-aiReview", "action-AIAnalysis", "action-AIRecognition", "action-AIQualityControl",
        "action-SmartSubtitles", "action-SmartErase", "action-exec-rules",
    };

    /// <summary>The action types this build executes.</summary>
    public static readonly IReadOnlySet<string> ImplementedActions = new HashSet<string>(StringComparer.Ordinal)
    {
        Transcode, SnapshotByTimeOffset, SampleSnapshot, ImageSprite, AnimatedGraphics,
        AdaptiveDynamicStreaming,
        QualityControl,
        ExecRules,
        AiRecognition,
        AiAnalysis,
        SmartErase,
        AiContentReview,
        SmartSubtitles,
    };

    /// <summary>The <c>ActivityResult.ActivityType</c> a node of this type reports (PascalCase, differs from the action name).</summary>
    public static string ResultType(string activityType) => activityType switch
    {
        Transcode => "Transcode",
        "action-samplesnapshot" => "SampleSnapshot",
        "action-snapshotByTimeOffset" => "SnapshotByTimeOffset",
        "action-image-sprite" => "ImageSprites",
        "action-animated-graphics" => "AnimatedGraphics",
        "action-adaptive-substream" => "AdaptiveDynamicStreaming",
        "action-aiReview" => "AiContentReview",
        "action-AIAnalysis" => "AIAnalysis",
        "action-AIRecognition" => "AIRecognition",
        "action-AIQualityControl" => "AiQualityControl",
        "action-SmartSubtitles" => "SmartSubtitles",
        "action-SmartErase" => "SmartErase",
        "action-exec-rules" => "ExecRules",
        _ => activityType,
    };
}
