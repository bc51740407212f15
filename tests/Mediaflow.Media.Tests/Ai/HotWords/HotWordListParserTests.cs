using Mediaflow.Media.Ai.HotWords;

namespace Mediaflow.Media.Tests.Ai.HotWords;

public sealed class HotWordListParserTests
{
    [Fact]
    public void Parse_CommaAndLineSeparatedEntries_WordsWithWeights()
    {
        var (words, error) = Parse("mediaflow|10, open source|5\r\nsubtitle\n\n");

        Assert.Null(error);
        Assert.Equal([new HotWord("mediaflow", 10), new HotWord("open source", 5), new HotWord("subtitle", 10)], words);
    }

    [Theory]
    [InlineData("a|b|c", "entry 1")]
    [InlineData("ok|5,bad|12", "weight must be 1-10, 11 or 100")]
    [InlineData("ok|0", "weight")]
    [InlineData("|5", "not word|weight")]
    [InlineData(" , \n", "no hot word")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghij", "at most 32")]
    public void Parse_BadEntry_ErrorNamesIt(string text, string fragment)
    {
        var (words, error) = Parse(text);

        Assert.Empty(words);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x1|11")]
    [InlineData("x1|100")]
    public void Parse_SpecialWeights_Accepted(string text) => Assert.Null(Parse(text).Error);

    private static (IReadOnlyList<HotWord> Words, string? Error) Parse(string text) => HotWordListParser.Parse(text);
}
