using Mediaflow.Media.Ai;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai;

public sealed class SphinxOutputParserTests
{
    [Fact]
    public void Parse_CapturedFliteSentence_OneUtteranceWithTimedWords()
    {
        // Spoken by flite (voice rms): "hello world the weather is sunny today please open the door".
        var utterance = Assert.Single(SphinxOutputParser.Parse(TestDataFiles.Read("Ai/sphinx-weather.txt")));

        Assert.Equal("hello world who was er is sunny today please open the door", utterance.Text);
        Assert.Equal((0.13, 3.84), (utterance.Start, utterance.End));
        var was = utterance.Words.Single(w => w.Word == "was");
        Assert.Equal((1.08, 1.29), (was.Start, was.End));
        Assert.Equal(100, utterance.Words.Single(w => w.Word == "please").Confidence);
        Assert.DoesNotContain(utterance.Words, w => w.Word.StartsWith('<'));
    }

    [Fact]
    public void Parse_FillersAndTwoUtterances_FillersDroppedUtterancesSplit()
    {
        const string output = "open\n<s> 0.0 0.1 1.0\nopen 0.1 0.5 0.5\n<sil> 0.5 0.6 1.0\n[NOISE] 0.6 0.7 1.0\n</s> 0.7 0.8 1.0\n"
            + "door\n<s> 2.0 2.1 1.0\ndoor(2) 2.1 2.4 1.0\n</s> 2.4 2.5 1.0\n";

        var utterances = SphinxOutputParser.Parse(output);

        Assert.Equal(["open", "door"], utterances.Select(u => u.Text));
        Assert.Equal(50, utterances[0].Confidence);
        Assert.Equal(2.1, utterances[1].Start);
    }
}
