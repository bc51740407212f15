using Mediaflow.Media.Ai;

namespace Mediaflow.Media.Tests.Ai;

public sealed class OcrTimelineTests
{
    private static OcrWord Word(int page, string text, int left, int line = 1) => new(page, 1, 1, line, left, 100, 50, 20, 90, text);

    private static List<OcrFrame> Frames(params string[][] perFrame) =>
        [.. perFrame.Select((words, i) => new OcrFrame(i * 0.5, [.. words.Select((w, k) => Word(i + 1, w, 10 + (60 * k)))]))];

    [Fact]
    public void FullText_SameLineOnConsecutiveFrames_OneSegmentEndingOneStepAfterTheLastFrame()
    {
        var frames = Frames([], ["JOB", "4711"], ["JOB", "4711"], ["JOB", "4711"], [], ["OTHER"]);

        var segments = OcrTimeline.FullText(frames, 0.5, 10, scale: 2);

        Assert.Equal([(0.5, 2.0, "JOB 4711"), (2.5, 3.0, "OTHER")], segments.Select(s => (s.StartTimeOffset, s.EndTimeOffset, s.Lines.Single().Text)));
        // Boxes go back to source pixels: frame x 10..120 at half size is 20..240.
        Assert.Equal([20L, 200, 240, 240], segments[0].Lines[0].AreaCoordSet);
    }

    [Fact]
    public void FullText_TextChangesBetweenFrames_NewSegment()
    {
        var segments = OcrTimeline.FullText(Frames(["A"], ["A"], ["B"]), 0.5, 1.2, scale: 1);

        Assert.Equal([(0.0, 1.0, "A"), (1.0, 1.2, "B")], segments.Select(s => (s.StartTimeOffset, s.EndTimeOffset, s.Lines.Single().Text)));
    }

    [Fact]
    public void Words_WordGoneAndBack_TwoOccurrences()
    {
        var words = OcrTimeline.Words(Frames(["JOB", "A"], ["JOB"], [], ["JOB"]), 0.5, 10, scale: 1);

        Assert.Equal([("JOB", 0.0, 1.0), ("A", 0.0, 0.5), ("JOB", 1.5, 2.0)],
            words.OrderBy(w => w.StartTimeOffset).ThenByDescending(w => w.Word, StringComparer.Ordinal).Select(w => (w.Word, w.StartTimeOffset, w.EndTimeOffset)));
    }

    [Fact]
    public void FullText_NoText_NoSegments()
    {
        Assert.Empty(OcrTimeline.FullText(Frames([], []), 0.5, 1, scale: 1));
    }
}
