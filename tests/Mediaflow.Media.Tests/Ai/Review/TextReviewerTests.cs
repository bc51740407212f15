using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.Review;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai.Review;

/// <summary>Keyword search in recognized speech (captured Sphinx output) and text, and the verdict from a switch's thresholds.</summary>
public sealed class TextReviewerTests
{
    private static readonly ReviewCheck Check = new(ContentReviewLabels.Prohibited, ReviewSource.Asr, BlockConfidence: 80, ReviewConfidence: 50, []);

    [Fact]
    public void Speech_CapturedSphinxOutput_HitsSpanTheirWordsWithTheirConfidence()
    {
        var utterances = SphinxOutputParser.Parse(TestDataFiles.Read("Ai/sphinx-weather.txt"));

        var hits = TextReviewer.Speech(utterances, ["door", "sunny", "Open the Door", "rain"]);

        Assert.Equal(3, hits.Count);
        var sunny = hits[0];
        Assert.Equal((1.59, 1.95, 38.54), (sunny.StartTimeOffset, sunny.EndTimeOffset, sunny.Confidence));
        Assert.Equal((2.82, 3.84), (hits[1].StartTimeOffset, hits[1].EndTimeOffset));
        Assert.Equal(["Open the Door"], hits[1].Keywords);
        Assert.Equal((3.2, 3.84, 99.98), (hits[2].StartTimeOffset, hits[2].EndTimeOffset, hits[2].Confidence));
    }

    [Fact]
    public void Text_SameWordOverTouchingSegments_OneHitWithLineBox()
    {
        var line = new TextArea("BUY COCAINE", 91, 100, 150, 300, 190);
        TimedText[] shown =
        [
            new(1.0, 1.5, [line]),
            new(1.5, 2.5, [line, new TextArea("OTHER", 90, 100, 250, 200, 290)]),
            new(2.5, 3.0, [new TextArea("nothing here", 95, 0, 0, 10, 10)]),
        ];

        var hit = Assert.Single(TextReviewer.Text(shown, ["cocaine", "heroin"]));

        Assert.Equal((1.0, 2.5, 91.0), (hit.StartTimeOffset, hit.EndTimeOffset, hit.Confidence));
        Assert.Equal([100L, 150, 300, 190], hit.Area!.AreaCoordSet);
    }

    [Fact]
    public void LabelReview_Thresholds_BlockReviewAndPassedHitsDropped()
    {
        ReviewHit[] hits = [new(1, 2, 90, ["a"], null), new(3, 4, 60, ["b"], null), new(5, 6, 20, ["c"], null)];

        var review = LabelReview.From(Check, hits, 0, 10);

        Assert.Equal((90.0, "block"), (review.Confidence, review.Suggestion));
        Assert.Equal(["block", "review"], review.Segments.Select(s => s.Suggestion));
        Assert.Equal("review", LabelReview.From(Check, [hits[1]], 0, 10).Suggestion);
        Assert.Equal("pass", LabelReview.From(Check, [hits[2]], 0, 10).Suggestion);
        var clean = LabelReview.From(Check with { ReviewConfidence = 0 }, [], 0, 10);
        Assert.Equal((0.0, "pass"), (clean.Confidence, clean.Suggestion));
    }

    [Fact]
    public void ReviewLibrary_AccountWords_ByLabelTagElseProhibited()
    {
        var library = ReviewLibrary.Build(
        [
            ("sunny", [], WordSampleRules.Expand(["Review.Asr"])),
            ("rain", ["porn", "mine"], WordSampleRules.Expand(["Review"])),
            ("cloud", [], WordSampleRules.Expand(["Recognition"])),
        ]);

        Assert.Contains(new ReviewKeyword(ContentReviewLabels.Prohibited, "sunny", true), library.Speech);
        Assert.DoesNotContain(library.Text, k => k.Keyword == "sunny");
        Assert.Contains(new ReviewKeyword(ContentReviewLabels.Porn, "rain", true), library.Text);
        Assert.DoesNotContain(library.Speech, k => k.Keyword == "rain" && k.Label == ContentReviewLabels.Prohibited);
        Assert.DoesNotContain(library.Speech.Concat(library.Text), k => k.Keyword == "cloud");
        Assert.Contains(new ReviewKeyword(ContentReviewLabels.Prohibited, "cocaine", false), library.Speech);
    }
}
