using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// The parameters of one node: exactly one member set, matching the node's ActivityType. Members of node families this
/// build does not execute yet are kept in <see cref="Other"/> only so validation can name and refuse them.
/// </summary>
public sealed record ActivityPara
{
    public TranscodeTaskInput? TranscodeTask { get; init; }
    public SnapshotByTimeOffsetTaskInput? SnapshotByTimeOffsetTask { get; init; }
    public SampleSnapshotTaskInput? SampleSnapshotTask { get; init; }
    public ImageSpriteTaskInput? ImageSpriteTask { get; init; }
    public AnimatedGraphicTaskInput? AnimatedGraphicTask { get; init; }
    public AdaptiveDynamicStreamingTaskInput? AdaptiveDynamicStreamingTask { get; init; }
    public AiQualityControlTaskInput? QualityControlTask { get; init; }
    public ExecRulesTaskInput? ExecRulesTask { get; init; }
    public Ai.AiRecognitionTaskInput? AiRecognitionTask { get; init; }
    public Ai.AiAnalysisTaskInput? AiAnalysisTask { get; init; }
    public Ai.SmartEraseTaskInput? SmartEraseTask { get; init; }
    public Ai.AiContentReviewTaskInput? AiContentReviewTask { get; init; }
    public Ai.SmartSubtitlesTaskInput? SmartSubtitlesTask { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }

    /// <summary>The output storage the set member names (node level of the §8 precedence), if any.</summary>
    [JsonIgnore]
    public TaskOutputStorage? NodeOutputStorage => TranscodeTask?.OutputStorage ?? SmartEraseTask?.OutputStorage ?? SmartSubtitlesTask?.OutputStorage ?? ImageInputs().FirstOrDefault()?.OutputStorage;

    /// <summary>The set members of the image families (and the adaptive-streaming node, which shares their input shape).</summary>
    public IEnumerable<INodeTaskInput> ImageInputs() =>
        new INodeTaskInput?[] { SnapshotByTimeOffsetTask, SampleSnapshotTask, ImageSpriteTask, AnimatedGraphicTask, AdaptiveDynamicStreamingTask }.OfType<INodeTaskInput>();

    /// <summary>Names of the members that are set.</summary>
    public IReadOnlyList<string> SetMembers()
    {
        var names = new List<string>();
        if (TranscodeTask is not null)
        {
            names.Add(nameof(TranscodeTask));
        }

        AddIfSet(names, SnapshotByTimeOffsetTask, nameof(SnapshotByTimeOffsetTask));
        AddIfSet(names, SampleSnapshotTask, nameof(SampleSnapshotTask));
        AddIfSet(names, ImageSpriteTask, nameof(ImageSpriteTask));
        AddIfSet(names, AnimatedGraphicTask, nameof(AnimatedGraphicTask));
        AddIfSet(names, AdaptiveDynamicStreamingTask, nameof(AdaptiveDynamicStreamingTask));
        AddIfSet(names, QualityControlTask, nameof(QualityControlTask));
        AddIfSet(names, ExecRulesTask, nameof(ExecRulesTask));
        AddIfSet(names, AiRecognitionTask, nameof(AiRecognitionTask));
        AddIfSet(names, AiAnalysisTask, nameof(AiAnalysisTask));
        AddIfSet(names, SmartEraseTask, nameof(SmartEraseTask));
        AddIfSet(names, AiContentReviewTask, nameof(AiContentReviewTask));
        AddIfSet(names, SmartSubtitlesTask, nameof(SmartSubtitlesTask));
        if (Other is not null)
        {
            names.AddRange(Other.Where(kv => kv.Value.ValueKind != JsonValueKind.Null).Select(kv => kv.Key));
        }

        return names;
    }

    private static void AddIfSet(List<string> names, object? member, string name)
    {
        if (member is not null)
        {
            names.Add(name);
        }
    }
}
