using Mediaflow.Media.Ai;

namespace Mediaflow.Media.Tests.Ai;

public sealed class RecognitionKeywordsTests
{
    private static WordOccurrence Heard(string word, double start, double confidence = 80) => new(word, start, start + 0.4, confidence, null);

    private static WordOccurrence Read(string word, double start, int left) =>
        new(word, start, start + 1, 90, new TextArea(word, 90, left, 100, left + 50, 120));

    private static readonly WordOccurrence[] Speech =
    [
        Heard("please", 0.0), Heard("visit", 0.5), Heard("mediaflow", 1.0, 60), Heard("today", 1.5),
        Heard("the", 3.0), Heard("media", 3.5), Heard("flow", 4.0), Heard("visit", 4.5),
    ];

    [Fact]
    public void Select_NoKeywordsNoLabelSet_EveryWordAsBefore()
    {
        Assert.Same(Speech, RecognitionKeywords.Select(Speech, [], null));
        Assert.Same(Speech, RecognitionKeywords.Select(Speech, [], []));
    }

    [Fact]
    public void Select_SingleWordKeyword_EveryHitCaseInsensitiveNamedAsStored()
    {
        var hits = RecognitionKeywords.Select(Speech, [new RecognitionKeyword("Visit", [])], null);

        Assert.Equal([("Visit", 0.5, 0.9), ("Visit", 4.5, 4.9)], hits.Select(h => (h.Word, h.StartTimeOffset, h.EndTimeOffset)));
    }

    [Fact]
    public void Select_MultiWordKeyword_HitSpansItsConsecutiveWordsWithMeanConfidence()
    {
        var words = Speech.Select(w => w.Word == "flow" ? w with { Confidence = 60 } : w).ToList();

        var hit = Assert.Single(RecognitionKeywords.Select(words, [new RecognitionKeyword("media flow", [])], null));

        Assert.Equal(("media flow", 3.5, 4.4, 70.0), (hit.Word, hit.StartTimeOffset, hit.EndTimeOffset, hit.Confidence));
        Assert.Empty(RecognitionKeywords.Select(words, [new RecognitionKeyword("visit today", [])], null)); // not consecutive
    }

    [Fact]
    public void Select_OcrWordsOutOfOrder_MatchedInTimeThenLeftOrderWithTheFirstWordsArea()
    {
        WordOccurrence[] read = [Read("SALE", 2, 200), Read("BIG", 2, 100), Read("NOW", 5, 100)];

        var hit = Assert.Single(RecognitionKeywords.Select(read, [new RecognitionKeyword("big sale", [])], null));

        Assert.Equal((2.0, 3.0), (hit.StartTimeOffset, hit.EndTimeOffset));
        Assert.Equal([100L, 100, 150, 120], hit.Area!.AreaCoordSet);
    }

    [Fact]
    public void Select_CjkKeywordAcrossWordBoundaries_SmallestSpanOnce()
    {
        WordOccurrence[] read = [Read("欢迎", 0, 10), Read("来到", 0, 60), Read("媒体", 3, 10), Read("流", 4, 60), Read("结束", 6, 10)];

        var hits = RecognitionKeywords.Select(read, [new RecognitionKeyword("来到媒", []), new RecognitionKeyword("体流", [])], null);

        Assert.Equal([("来到媒", 0.0, 4.0), ("体流", 3.0, 5.0)], hits.Select(h => (h.Word, h.StartTimeOffset, h.EndTimeOffset)));
        Assert.Equal([60L, 100, 110, 120], hits[0].Area!.AreaCoordSet);
        Assert.Empty(RecognitionKeywords.Select(read, [new RecognitionKeyword("欢迎结束", [])], null));
    }

    [Fact]
    public void Select_LabelSet_OnlyKeywordsTaggedWithAListedLabel()
    {
        RecognitionKeyword[] keywords = [new("visit", ["brand", "ads"]), new("today", ["time"]), new("please", [])];

        Assert.Equal(["visit", "visit"], RecognitionKeywords.Select(Speech, keywords, ["ads"]).Select(h => h.Word));
        Assert.Equal(["visit", "today", "visit"], RecognitionKeywords.Select(Speech, keywords, ["brand", "time"]).Select(h => h.Word));
        Assert.Equal(["please", "visit", "today", "visit"], RecognitionKeywords.Select(Speech, keywords, null).Select(h => h.Word));
    }

    [Fact]
    public void Select_LabelSetWithoutMatchingKeywords_NoResult()
    {
        Assert.Empty(RecognitionKeywords.Select(Speech, [new RecognitionKeyword("visit", ["brand"])], ["Brand"]));
        Assert.Empty(RecognitionKeywords.Select(Speech, [], ["brand"]));
    }

    [Fact]
    public void Select_KeywordsNeverSaid_NoResultRatherThanEveryWord()
    {
        Assert.Empty(RecognitionKeywords.Select(Speech, [new RecognitionKeyword("absent", [])], null));
    }
}
