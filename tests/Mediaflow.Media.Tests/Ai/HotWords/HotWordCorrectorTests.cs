using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.HotWords;

namespace Mediaflow.Media.Tests.Ai.HotWords;

public sealed class HotWordCorrectorTests
{
    // pocketsphinx_continuous -time yes on flite (voice rms) saying "open the mediaflow console", captured.
    private const string Heard = """
        open the midi flow console
        <s> 0.060 0.160 1.000100
        open 0.170 0.500 0.197012
        the 0.510 0.590 0.682055
        midi 0.600 0.930 0.052155
        flow 0.940 1.350 0.675606
        console 1.360 2.120 0.911457
        </s> 2.130 2.470 1.000000
        """;

    [Fact]
    public void Apply_UnknownNameHeardAsTwoWords_ReplacedByTheHotWordWithTheirTimes()
    {
        var corrected = HotWordCorrector.Apply(SphinxOutputParser.Parse(Heard), [new HotWord("mediaflow", 10)]);

        var utterance = Assert.Single(corrected);
        Assert.Equal("open the mediaflow console", utterance.Text);
        var word = utterance.Words[2];
        Assert.Equal(("mediaflow", 0.6, 1.35), (word.Word, word.Start, word.End));
        Assert.Equal(4, utterance.Words.Count);
    }

    [Fact]
    public void Apply_NoHotWordClose_UtterancesUnchanged()
    {
        var heard = SphinxOutputParser.Parse(Heard);

        var corrected = HotWordCorrector.Apply(heard, [new HotWord("portland", 10), new HotWord("weather", 10)]);

        Assert.Same(heard[0], corrected[0]);
    }

    [Fact]
    public void Apply_ShortHotWord_NeverCorrects()
    {
        var heard = SphinxOutputParser.Parse(Heard);

        Assert.Equal("open the midi flow console", HotWordCorrector.Apply(heard, [new HotWord("mid", 100)])[0].Text);
    }

    [Fact]
    public void Apply_LowWeight_SmallerBudget()
    {
        // "midiflow" vs "mediaflow" differ in 2 of 9 key characters (22.2 %): beyond weight 1's 22 %, within weight 2's 24 %.
        var heard = SphinxOutputParser.Parse(Heard);

        Assert.Equal("open the midi flow console", HotWordCorrector.Apply(heard, [new HotWord("mediaflow", 1)])[0].Text);
        Assert.Equal("open the mediaflow console", HotWordCorrector.Apply(heard, [new HotWord("mediaflow", 2)])[0].Text);
    }

    [Theory]
    [InlineData("Phone-Call", "fonekal")]
    [InlineData("quick box", "kuikboks")]
    [InlineData("Zoo", "so")]
    public void Key_Spellings_Folded(string text, string key) => Assert.Equal(key, HotWordCorrector.Key(text));
}
