using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.QualityControl;

namespace Mediaflow.Domain.Conditions;

/// <summary>
/// Every key an IF condition can test (DESIGN §7.4), by the node family that produces it. Keys are case-sensitive.
/// The source's metadata is always available (the task's probe); the others come from the nearest ancestor of the IF
/// node whose family declares them (<see cref="ProducedBy"/>).
/// </summary>
public static class ConditionKeys
{
    public const string QualityControlActivity = "action-AIQualityControl";
    public const string ReviewActivity = "action-aiReview";

    /// <summary>Source MediaMetaData: Duration in seconds, Bitrate in bits per second, Fps frames per second (exact rate).</summary>
    public static readonly IReadOnlyDictionary<string, ConditionKeyKind> Source = new Dictionary<string, ConditionKeyKind>(StringComparer.Ordinal)
    {
        ["Width"] = ConditionKeyKind.Number,
        ["Height"] = ConditionKeyKind.Number,
        ["Duration"] = ConditionKeyKind.Number,
        ["Bitrate"] = ConditionKeyKind.Number,
        ["Fps"] = ConditionKeyKind.Number,
        ["VideoCodec"] = ConditionKeyKind.Text,
        ["AudioCodec"] = ConditionKeyKind.Text,
        ["Container"] = ConditionKeyKind.Text,
        ["HasAudio"] = ConditionKeyKind.Boolean,
        ["HasVideo"] = ConditionKeyKind.Boolean,
    };

    /// <summary>Figures of a QC node's <c>QualityControlData</c> (SSIM 0–1 and PSNR in dB from <c>MfSsim</c>/<c>MfPsnr</c>).</summary>
    private static readonly Dictionary<string, ConditionKeyKind> QualityControlFigures = new Dictionary<string, ConditionKeyKind>(StringComparer.Ordinal)
    {
        ["QualityEvaluationScore"] = ConditionKeyKind.Number,
        ["MfAudioEvaluationScore"] = ConditionKeyKind.Number,
        ["NoAudio"] = ConditionKeyKind.Boolean,
        ["NoVideo"] = ConditionKeyKind.Boolean,
        ["SSIM"] = ConditionKeyKind.Number,
        ["PSNR"] = ConditionKeyKind.Number,
    };

    /// <summary>Every QC item type (content and format; present when reported) plus the QC figures.</summary>
    public static readonly IReadOnlyDictionary<string, ConditionKeyKind> QualityControl =
        QualityControlItemNames.Content.Concat(QualityControlItemNames.FormatCategory.Keys)
            .Where(type => !QualityControlFigures.ContainsKey(type))
            .Select(type => KeyValuePair.Create(type, ConditionKeyKind.Presence))
            .Concat(QualityControlFigures)
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>A content-review node's worst <c>Suggestion</c>: <c>pass</c> &lt; <c>review</c> &lt; <c>block</c>.</summary>
    public static readonly IReadOnlyDictionary<string, ConditionKeyKind> Review = new Dictionary<string, ConditionKeyKind>(StringComparer.Ordinal)
    {
        ["ReviewSuggestion"] = ConditionKeyKind.Text,
    };

    /// <summary>The keys a node of this ActivityType produces (<c>input</c>: the source metadata).</summary>
    public static IReadOnlyDictionary<string, ConditionKeyKind> ProducedBy(string? activityType) => activityType switch
    {
        ActivityTypes.Input => Source,
        QualityControlActivity => QualityControl,
        ReviewActivity => Review,
        _ => Empty,
    };

    /// <summary>The kind of any known key, or null for a key no node family produces.</summary>
    public static ConditionKeyKind? KindOf(string key) =>
        Source.TryGetValue(key, out var kind) || QualityControl.TryGetValue(key, out kind) || Review.TryGetValue(key, out kind) ? kind : null;

    /// <summary>The key names a family declares, ordered for display (<c>MfDescribeNodeTypes</c>).</summary>
    public static IReadOnlyList<string> Names(IReadOnlyDictionary<string, ConditionKeyKind> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Keys.Order(StringComparer.Ordinal).ToList();
    }

    private static readonly Dictionary<string, ConditionKeyKind> Empty = new Dictionary<string, ConditionKeyKind>();
}
