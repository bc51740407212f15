using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Workflows;

/// <summary>One action node type: what the console palette shows and what a legacy workflow task set becomes.</summary>
/// <param name="ActivityType">The <c>ActivityType</c> wire value.</param>
/// <param name="ParaMember">The <c>ActivityPara</c> member carrying the node's parameters (reference/mps-api.md §6).</param>
/// <param name="TemplateFamily">The template family its <c>Definition</c> names, or null when it takes none.</param>
/// <param name="ProducesMedia">Whether its output is a media file a successor can consume (a transcode), not images or reports.</param>
/// <param name="WorkflowTaskSet">The <c>MediaProcessTask</c> member of a legacy workflow that becomes nodes of this type, or null.</param>
public sealed record NodeType(string ActivityType, string ParaMember, string? TemplateFamily, bool ProducesMedia, string? WorkflowTaskSet)
{
    /// <summary>Whether this build executes the node (<see cref="ActivityTypes.ImplementedActions"/>).</summary>
    public bool Implemented => ActivityTypes.ImplementedActions.Contains(ActivityType);

    /// <summary>The <c>ActivityResult.ActivityType</c> it reports under.</summary>
    public string ResultType => ActivityTypes.ResultType(ActivityType);

    /// <summary>Keys an IF (<c>action-exec-rules</c>) node below this node can test on its result (<see cref="Conditions.ConditionKeys"/>).</summary>
    public IReadOnlyList<string> ConditionKeys { get; init; } = [];
}

/// <summary>
/// The catalogue of action node types (DESIGN §7.5 <c>MfDescribeNodeTypes</c>), one entry per
/// <see cref="ActivityTypes.KnownActions"/> member (a test keeps the two equal); implemented-or-not comes from
/// <see cref="ActivityTypes.ImplementedActions"/>, which the DAG validator enforces. Legacy workflows are translated with it.
/// </summary>
public static class NodeTypeCatalog
{
    public static readonly IReadOnlyList<NodeType> All =
    [
        new(ActivityTypes.Transcode, nameof(ActivityPara.TranscodeTask), "Transcode", true, "TranscodeTaskSet"),
        new(ActivityTypes.AnimatedGraphics, nameof(ActivityPara.AnimatedGraphicTask), "AnimatedGraphics", false, "AnimatedGraphicTaskSet"),
        new(ActivityTypes.SnapshotByTimeOffset, nameof(ActivityPara.SnapshotByTimeOffsetTask), "SnapshotByTimeOffset", false, "SnapshotByTimeOffsetTaskSet"),
        new(ActivityTypes.SampleSnapshot, nameof(ActivityPara.SampleSnapshotTask), "SampleSnapshot", false, "SampleSnapshotTaskSet"),
        new(ActivityTypes.ImageSprite, nameof(ActivityPara.ImageSpriteTask), "ImageSprite", false, "ImageSpriteTaskSet"),
        new(ActivityTypes.AdaptiveDynamicStreaming, nameof(ActivityPara.AdaptiveDynamicStreamingTask), "AdaptiveDynamicStreaming", false, "AdaptiveDynamicStreamingTaskSet"),
        new("action-aiReview", "AiContentReviewTask", "ContentReview", false, null) { ConditionKeys = Conditions.ConditionKeys.Names(Conditions.ConditionKeys.Review) },
        new(ActivityTypes.AiAnalysis, nameof(ActivityPara.AiAnalysisTask), "AIAnalysis", false, null),
        new(ActivityTypes.AiRecognition, nameof(ActivityPara.AiRecognitionTask), "AIRecognition", false, null),
        new(ActivityTypes.QualityControl, nameof(ActivityPara.QualityControlTask), "QualityControl", false, null) { ConditionKeys = Conditions.ConditionKeys.Names(Conditions.ConditionKeys.QualityControl) },
        new(ActivityTypes.SmartSubtitles, nameof(ActivityPara.SmartSubtitlesTask), Ai.SmartSubtitleTemplates.Name, false, null),
        new(ActivityTypes.SmartErase, nameof(ActivityPara.SmartEraseTask), "SmartErase", true, null),
        new("action-exec-rules", "ExecRulesTask", null, false, null),
    ];

    /// <summary>Keys every IF node can test: the source's metadata from the task's probe (the <c>input</c> node).</summary>
    public static IReadOnlyList<string> SourceConditionKeys => Conditions.ConditionKeys.Names(Conditions.ConditionKeys.Source);

    public static NodeType? ForWorkflowTaskSet(string member) => All.FirstOrDefault(n => n.WorkflowTaskSet == member);
}
