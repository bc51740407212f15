using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai.Models;
using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Ai.Review;

/// <summary>
/// Picture review (docs/media-ai-review.md): the configured <c>Ai:Models:ImageReview</c> ONNX model scores frames sampled
/// by <see cref="FrameModelRunner"/>; a model label <c>Porn</c>, <c>Terrorism</c> or <c>Political</c> — or
/// <c>&lt;Label&gt;:&lt;sub-label&gt;</c> such as <c>Porn:sexy</c>, <c>Terrorism:guns</c> — scores that review label
/// (case-insensitive; other model labels are ignored). A frame's confidence for a label is its best matching score × 100.
/// </summary>
public sealed class ImageReviewer(FrameModelRunner runner)
{
    public async Task<IReadOnlyList<LabelReview>> ReviewAsync(AiModelConfig model, string inputPath, ProbeResult probe, IReadOnlyList<ReviewCheck> checks,
        string workDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(checks);
        var pictureChecks = checks.Where(c => c.Source == ReviewSource.Img).ToList();
        if (pictureChecks.Count == 0)
        {
            return [];
        }

        var run = await runner.RunAsync(model, inputPath, probe, workDirectory, cancellationToken);
        return Judge(run, pictureChecks, probe.Duration);
    }

    /// <summary>
    /// The verdict of each picture switch from the scored frames: the label's confidence is its best frame's, and every
    /// run of consecutive frames at or above the switch's ReviewConfidence is one evidence segment (from its first frame
    /// to one sample interval after its last, within the duration) with its best frame's confidence and sub-label.
    /// Sub-labels outside a non-empty <see cref="ReviewCheck.LabelSet"/> are not counted.
    /// </summary>
    public static IReadOnlyList<LabelReview> Judge(ModelRun run, IReadOnlyList<ReviewCheck> checks, double duration)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(checks);
        var rate = run.Interval > 0 ? Math.Round(1 / run.Interval, 3) : 0;
        return [.. checks.Where(c => c.Source == ReviewSource.Img).Select(check =>
        {
            var outputs = Outputs(run.Labels, check);
            if (outputs.Count == 0)
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported,
                    $"AI model: the {AiModelNames.ImageReview} model has no label for {check.Label} (labels '{check.Label}' or '{check.Label}:<sub-label>'"
                    + (check.LabelSet.Count > 0 ? $" with a sub-label in LabelSet {string.Join(",", check.LabelSet)}" : "") + ")");
            }

            var frames = run.Frames.Select(f =>
            {
                var best = outputs.MaxBy(o => f.Scores[o.Index]);
                return (f.Time, Confidence: Math.Round(f.Scores[best.Index] * 100, 2), best.SubLabel);
            }).ToList();
            if (frames.Count == 0)
            {
                return new LabelReview(check, 0, "pass", [], rate, duration);
            }

            var segments = new List<(ReviewHit, string)>();
            var start = -1;
            for (var i = 0; i <= frames.Count; i++)
            {
                var flagged = i < frames.Count && frames[i].Confidence >= check.ReviewConfidence;
                if (flagged && start < 0)
                {
                    start = i;
                }
                else if (!flagged && start >= 0)
                {
                    var best = frames.Skip(start).Take(i - start).MaxBy(f => f.Confidence);
                    var end = Math.Round(frames[i - 1].Time + run.Interval, 3);
                    segments.Add((new ReviewHit(frames[start].Time, duration > 0 ? Math.Min(end, Math.Round(duration, 3)) : end, best.Confidence, [], null, best.SubLabel),
                        check.Suggestion(best.Confidence)));
                    start = -1;
                }
            }

            var strongest = frames.MaxBy(f => f.Confidence);
            return new LabelReview(check, strongest.Confidence, check.Suggestion(strongest.Confidence), segments, rate, duration, strongest.SubLabel);
        })];
    }

    /// <summary>The model outputs that score <paramref name="check"/>'s label: their index and sub-label (the label in lower case without one).</summary>
    private static List<(int Index, string SubLabel)> Outputs(IReadOnlyList<string> labels, ReviewCheck check)
    {
        var outputs = new List<(int, string)>();
        for (var i = 0; i < labels.Count; i++)
        {
            var parts = labels[i].Split(':', 2, StringSplitOptions.TrimEntries);
            if (!string.Equals(parts[0], check.Label, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var subLabel = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : check.Label.ToLowerInvariant();
            if (check.LabelSet.Count == 0 || check.LabelSet.Contains(subLabel, StringComparer.OrdinalIgnoreCase))
            {
                outputs.Add((i, subLabel));
            }
        }

        return outputs;
    }
}
