using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.Subtitles;

namespace Mediaflow.Media.Tests.Ai.Subtitles;

public sealed class CueBuilderTests
{
    private static Utterance Said(params (string Word, double Start, double End)[] words) =>
        new(string.Join(' ', words.Select(w => w.Word)), words[0].Start, words[^1].End, 90, [.. words.Select(w => new SpokenWord(w.Word, w.Start, w.End, 90))]);

    [Fact]
    public void FromSpeech_OneShortUtterance_OneCueWithItsTimes()
    {
        var cues = CueBuilder.FromSpeech([Said(("hello", 0.5, 0.9), ("world", 1.0, 1.8))]);

        var cue = Assert.Single(cues);
        Assert.Equal(new SubtitleCue(0.5, 1.8, "hello world"), cue);
    }

    [Fact]
    public void FromSpeech_ShortUtterancesCloseTogether_Merged()
    {
        var cues = CueBuilder.FromSpeech([Said(("yes", 1.0, 1.3)), Said(("of", 1.6, 1.7), ("course", 1.7, 2.2)), Said(("later", 5.0, 5.6))]);

        Assert.Equal(2, cues.Count);
        Assert.Equal(new SubtitleCue(1.0, 2.2, "yes of course"), cues[0]);
        Assert.Equal(new SubtitleCue(5.0, 5.6, "later"), cues[1]); // 2.8 s of silence before it: not merged
    }

    [Fact]
    public void FromSpeech_LongUtterance_SplitAtMaxCueSeconds()
    {
        var words = Enumerable.Range(0, 20).Select(i => ($"w{i}", i * 0.5, (i * 0.5) + 0.4)).ToArray(); // 10 s of speech

        var cues = CueBuilder.FromSpeech([Said(words)], new CueOptions { MaxCueSeconds = 4 });

        Assert.True(cues.Count >= 3, string.Join(" | ", cues));
        Assert.All(cues, c => Assert.InRange(c.End - c.Start, 0, 4));
        Assert.Equal(string.Join(' ', words.Select(w => w.Item1)), string.Join(' ', cues.Select(c => c.Text.Replace('\n', ' '))));
        Assert.True(cues.Zip(cues.Skip(1)).All(p => p.First.End <= p.Second.Start), "cues do not overlap");
    }

    [Fact]
    public void FromSpeech_TooManyCharacters_SplitAndBrokenIntoTwoLines()
    {
        var words = "the quick brown fox jumps over the lazy dog while the cat watches from the warm windowsill and yawns slowly twice"
            .Split(' ').Select((w, i) => (w, i * 0.2, (i * 0.2) + 0.15)).ToArray();

        var cues = CueBuilder.FromSpeech([Said(words)]);

        Assert.True(cues.Count >= 2);
        foreach (var cue in cues)
        {
            var lines = cue.Text.Split('\n');
            Assert.InRange(lines.Length, 1, 2);
            Assert.All(lines, l => Assert.InRange(l.Length, 1, 42));
        }
    }

    [Fact]
    public void BreakLines_LongText_BalancedAtASpace()
    {
        var text = CueBuilder.BreakLines("one two three four five six seven eight nine ten eleven twelve");

        Assert.Equal("one two three four five six seven\neight nine ten eleven twelve", text); // 33 + 28 characters: the most even split
    }

    [Fact]
    public void BreakLines_ShortText_Unchanged() => Assert.Equal("short line", CueBuilder.BreakLines("short  line"));

    [Fact]
    public void FromSpeech_UtteranceWithoutWordTimes_OneCueFromItsText()
    {
        var cues = CueBuilder.FromSpeech([new Utterance(" Hello there. ", 0, 2.5, 80, [])]);

        Assert.Equal(new SubtitleCue(0, 2.5, "Hello there."), Assert.Single(cues));
    }

    [Fact]
    public void FromScreenText_Segments_OneCuePerSegmentWithLines()
    {
        TimedText segment = new(1.0, 2.5, [new TextArea("TOP LINE", 90, 0, 0, 10, 10), new TextArea("BOTTOM", 90, 0, 20, 10, 30)]);

        var cue = Assert.Single(CueBuilder.FromScreenText([segment, new TimedText(3, 4, [])]));

        Assert.Equal(new SubtitleCue(1.0, 2.5, "TOP LINE\nBOTTOM"), cue);
    }
}
