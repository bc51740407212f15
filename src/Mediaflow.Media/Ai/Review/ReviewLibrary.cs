using Mediaflow.Domain.Ai;

namespace Mediaflow.Media.Ai.Review;

/// <summary>
/// The keywords one review runs with, per source: the built-in defaults of every label plus the account's word samples
/// whose usages include <c>Review.Asr</c> / <c>Review.Ocr</c>. An account word counts for the labels named by its tags
/// (case-insensitive <c>Porn</c>, <c>Terrorism</c>, <c>Political</c>, <c>Prohibited</c>); untagged or otherwise tagged
/// words count for <c>Prohibited</c>.
/// </summary>
public sealed record ReviewLibrary(IReadOnlyList<ReviewKeyword> Speech, IReadOnlyList<ReviewKeyword> Text)
{
    public IReadOnlyList<ReviewKeyword> For(ReviewSource source) => source == ReviewSource.Asr ? Speech : Text;

    /// <param name="accountWords">The account's word samples: keyword, tags, expanded usages (<see cref="WordSampleRules.Expand"/>).</param>
    public static ReviewLibrary Build(IEnumerable<(string Keyword, IReadOnlyList<string> Tags, IReadOnlySet<string> Usages)> accountWords)
    {
        ArgumentNullException.ThrowIfNull(accountWords);
        var defaults = ReviewWordDefaults.ByLabel.SelectMany(kv => kv.Value.Select(word => new ReviewKeyword(kv.Key, word, false))).ToList();
        List<ReviewKeyword> speech = [.. defaults];
        List<ReviewKeyword> text = [.. defaults];
        foreach (var (keyword, tags, usages) in accountWords)
        {
            var labels = ContentReviewLabels.Names.Where(l => tags.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
            foreach (var label in labels.Count > 0 ? labels : [ContentReviewLabels.Prohibited])
            {
                if (usages.Contains(WordSampleRules.ReviewAsr))
                {
                    speech.Add(new ReviewKeyword(label, keyword, true));
                }

                if (usages.Contains(WordSampleRules.ReviewOcr))
                {
                    text.Add(new ReviewKeyword(label, keyword, true));
                }
            }
        }

        return new ReviewLibrary(speech, text);
    }
}
