using Mediaflow.Domain.Ai;

namespace Mediaflow.Media.Ai.Review;

/// <summary>
/// The verdict of one review switch: the label's confidence (its strongest hit, 0 without any), its suggestion from the
/// switch's thresholds (<c>pass</c> without hits), and the hits that reach at least <c>review</c>, each with its own suggestion.
/// Picture reviews also name the model's sub-label of the strongest frame (<see cref="Label"/>, SDK <c>Output.Label</c>).
/// </summary>
public sealed record LabelReview(ReviewCheck Check, double Confidence, string Suggestion, IReadOnlyList<(ReviewHit Hit, string Suggestion)> Segments, double SampleRate, double Duration, string Label = "")
{
    public static LabelReview From(ReviewCheck check, IReadOnlyList<ReviewHit> hits, double sampleRate, double duration)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(hits);
        var confidence = hits.Count == 0 ? 0 : hits.Max(h => h.Confidence);
        var segments = hits.Select(h => (h, check.Suggestion(h.Confidence))).Where(s => s.Item2 != "pass").ToList();
        return new LabelReview(check, confidence, hits.Count == 0 ? "pass" : check.Suggestion(confidence), segments, sampleRate, duration);
    }
}
