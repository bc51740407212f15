using Mediaflow.Media.Ai.Review;

namespace Mediaflow.Media.Tests.Ai.Review;

public sealed class KeywordMatcherTests
{
    [Theory]
    [InlineData("They sell COCAINE here", "cocaine", true)]
    [InlineData("cocaine.", "cocaine", true)]
    [InlineData("pornography", "porn", false)]
    [InlineData("a porn-site", "porn", true)]
    [InlineData("NUDE    video today", "nude video", true)]
    [InlineData("nude videos", "nude video", false)]
    [InlineData("这里有 毒 品 交易", "毒品", true)]
    [InlineData("毒药", "毒品", false)]
    [InlineData("禁止赌博", "赌博", true)]
    public void Contains_LatinOnWordBoundariesCjkAsSubstring(string text, string keyword, bool expected)
    {
        Assert.Equal(expected, KeywordMatcher.Contains(text, keyword));
    }

    [Fact]
    public void Occurrences_MultiWordKeyword_ConsecutiveWordsOnly()
    {
        string[] words = ["please", "open", "the", "door", "open", "door"];

        Assert.Equal([(1, 3)], KeywordMatcher.Occurrences(words, "Open the door"));
        Assert.Equal([(3, 1), (5, 1)], KeywordMatcher.Occurrences(words, "door"));
        Assert.Empty(KeywordMatcher.Occurrences(words, "the open"));
    }
}
