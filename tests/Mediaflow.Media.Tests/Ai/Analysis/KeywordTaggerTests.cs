using Mediaflow.Media.Ai.Analysis;

namespace Mediaflow.Media.Tests.Ai.Analysis;

/// <summary>Keyword tags from recognized words (pure): normalization, stop words, ranking, sources.</summary>
public sealed class KeywordTaggerTests
{
    [Fact]
    public void Tags_MostFrequentContentWordsFirst_StopWordsShortWordsAndNumbersDropped()
    {
        (string, double, string)[] words =
        [
            ("Weather", 90, "OCR"), ("the", 95, "ASR"), ("weather", 70, "ASR"), ("is", 90, "ASR"), ("sunny", 80, "ASR"),
            ("WEATHER,", 80, "OCR"), ("4711", 96, "OCR"), ("door", 60, "ASR"), ("please", 90, "ASR"), ("ok", 90, "ASR"), ("天气", 88, "OCR"),
        ];

        var tags = KeywordTagger.Tags(words);

        Assert.Equal(["weather", "天气", "sunny", "door"], tags.Select(t => t.Tag));
        var weather = tags[0];
        Assert.Equal(3, weather.Count);
        Assert.Equal(80, weather.Confidence);
        Assert.Equal(["ASR", "OCR"], weather.Sources);
    }

    [Fact]
    public void Tags_NoWords_NoTags_AndAtMostTen()
    {
        Assert.Empty(KeywordTagger.Tags([]));
        Assert.Empty(KeywordTagger.Tags([("the", 90, "ASR"), ("a", 90, "ASR"), ("--", 90, "OCR")]));
        Assert.Equal(KeywordTagger.MaxTags, KeywordTagger.Tags(Enumerable.Range(0, 30).Select(i => ($"word{(char)('a' + (i % 26))}{i}", 50.0, "OCR"))).Count);
    }
}
