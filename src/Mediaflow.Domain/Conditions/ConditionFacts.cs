using System.Globalization;
using System.Text.Json;
using Mediaflow.Domain.Media;

namespace Mediaflow.Domain.Conditions;

/// <summary>
/// The run-time values of condition keys, read from what a node stored (pure). Values are strings as shown in
/// <c>MfEvaluations[].Actual</c>: invariant numbers, <c>true</c>/<c>false</c>, names. A key a result does not carry is
/// left out (missing: its conditions are false).
/// </summary>
public static class ConditionFacts
{
    private static readonly string[] SuggestionRank = ["pass", "review", "block"];

    /// <summary>The source keys from the task's probe. Picture keys are missing without a video stream, AudioCodec without audio.</summary>
    public static IReadOnlyDictionary<string, string> FromSource(MediaMetaData meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Duration"] = Number(meta.Duration),
            ["Bitrate"] = Number(meta.Bitrate),
            ["Container"] = meta.Container,
            ["HasAudio"] = Bool(meta.AudioStreamSet.Count > 0),
            ["HasVideo"] = Bool(meta.VideoStreamSet.Count > 0),
        };
        if (meta.VideoStreamSet is [var video, ..])
        {
            facts["Width"] = Number(meta.Width);
            facts["Height"] = Number(meta.Height);
            facts["VideoCodec"] = video.Codec;
            facts["Fps"] = video.FpsDenominator > 0
                ? Number(Math.Round((double)video.FpsNumerator / video.FpsDenominator, 3))
                : Number(video.Fps);
        }

        if (meta.AudioStreamSet is [var audio, ..])
        {
            facts["AudioCodec"] = audio.Codec;
        }

        return facts;
    }

    /// <summary>
    /// The QC keys from a QC node's Output (spec §12 <c>QualityControlData</c>): an item type is <c>true</c> when it
    /// appears in <c>QualityControlResultSet[].Type</c> or <c>ContainerDiagnoseResultSet[].Type</c>, else <c>false</c>;
    /// <c>QualityEvaluationScore</c>, <c>MfAudioEvaluationScore</c>, <c>NoAudio</c>, <c>NoVideo</c> as stored;
    /// <c>SSIM</c>/<c>PSNR</c> from <c>MfSsim</c>/<c>MfPsnr</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FromQualityControl(JsonElement output)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (output.ValueKind != JsonValueKind.Object)
        {
            return facts;
        }

        var reported = TypesIn(output, "QualityControlResultSet").Concat(TypesIn(output, "ContainerDiagnoseResultSet")).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, kind) in ConditionKeys.QualityControl)
        {
            if (kind == ConditionKeyKind.Presence)
            {
                facts[key] = Bool(reported.Contains(key));
            }
        }

        CopyNumber(output, "QualityEvaluationScore", "QualityEvaluationScore", facts);
        CopyNumber(output, "MfAudioEvaluationScore", "MfAudioEvaluationScore", facts);
        CopyNumber(output, "MfSsim", "SSIM", facts);
        CopyNumber(output, "MfPsnr", "PSNR", facts);
        CopyBool(output, "NoAudio", facts);
        CopyBool(output, "NoVideo", facts);
        return facts;
    }

    /// <summary><c>ReviewSuggestion</c> from a content-review node's Output: the worst <c>Suggestion</c> anywhere in it
    /// (pass &lt; review &lt; block); missing when it holds none.</summary>
    public static IReadOnlyDictionary<string, string> FromReview(JsonElement output)
    {
        var worst = -1;
        foreach (var suggestion in Suggestions(output))
        {
            worst = Math.Max(worst, Array.FindIndex(SuggestionRank, s => string.Equals(s, suggestion, StringComparison.OrdinalIgnoreCase)));
        }

        return worst < 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["ReviewSuggestion"] = SuggestionRank[worst] };
    }

    private static IEnumerable<string> TypesIn(JsonElement output, string member) =>
        output.TryGetProperty(member, out var set) && set.ValueKind == JsonValueKind.Array
            ? set.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String)
                .Select(item => item.GetProperty("Type").GetString()!)
            : [];

    private static IEnumerable<string> Suggestions(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "Suggestion" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var inner in Suggestions(property.Value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var inner in element.EnumerateArray().SelectMany(Suggestions))
                {
                    yield return inner;
                }

                break;
            default:
                break;
        }
    }

    private static void CopyNumber(JsonElement output, string member, string key, Dictionary<string, string> facts)
    {
        if (output.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            facts[key] = Number(value.GetDouble());
        }
    }

    private static void CopyBool(JsonElement output, string member, Dictionary<string, string> facts)
    {
        if (output.TryGetProperty(member, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            facts[member] = Bool(value.GetBoolean());
        }
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
