using Mediaflow.Media.Ai.Analysis;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai.Analysis;

/// <summary>The pure half of the analysis on captured output of the analysis pass (<see cref="AnalysisFixtures"/>), and on hand-made samples.</summary>
public class AnalysisParsingTests
{
    private static IReadOnlyList<FrameSample> CapturedFrames() =>
        FrameSample.From(MetadataPrintParser.Parse(TestDataFiles.Read("Ai/cuts-video-stats.txt").Split('\n')));

    private static IReadOnlyList<AudioSample> CapturedAudio() =>
        AudioSample.From(MetadataPrintParser.Parse(TestDataFiles.Read("Ai/cuts-audio-stats.txt").Split('\n')));

    [Fact]
    public void Parse_CapturedVideoStats_EveryFrameWithItsKeys()
    {
        var frames = MetadataPrintParser.Parse(TestDataFiles.Read("Ai/cuts-video-stats.txt").Split('\n'));
        Assert.Equal(125, frames.Count);
        Assert.Equal(1.0, frames[25].Time, 3);
        Assert.Equal(1.0, frames[25].Get("lavfi.scene_score"), 3);
        Assert.Equal(16, frames[0].Get("lavfi.signalstats.YAVG"));
        Assert.True(double.IsNaN(frames[0].Get("lavfi.blur")), "blurdetect prints -nan on a flat frame");
        Assert.True(double.IsNaN(frames[0].Get("lavfi.no.such.key")));
    }

    [Fact]
    public void Parse_CapturedAudioStats_SilenceIsMinusInfinity()
    {
        var audio = CapturedAudio();
        Assert.Equal(51, audio.Count); // 5 s in 0.1 s windows, and the encoder's last partial frame
        Assert.Equal(0.1, audio[1].Time, 3);
        Assert.True(audio[0].IsSilent);
        Assert.True(double.IsNegativeInfinity(audio[0].RmsDb));
        Assert.False(audio[15].IsSilent, $"the 440 Hz tone at 1.5 s reads {audio[15].RmsDb} dB");
    }

    [Fact]
    public void From_CapturedClip_ShotsAtTheCutsHeadTailCoverAndHighlights()
    {
        var frames = CapturedFrames();
        var analysis = MediaAnalysis.From(frames, CapturedAudio(), 5.0);

        Assert.Equal([0.0, .. AnalysisFixtures.CutTimes], analysis.Shots.Select(s => s.Start));
        Assert.Equal(5.0, analysis.Shots[^1].End);
        Assert.Equal(new HeadTail(1.0, 4.2), analysis.HeadTail);

        var cover = Assert.IsType<CoverChoice>(analysis.Cover);
        var frame = frames.Single(f => f.Time == cover.Time);
        Assert.False(frame.IsBlack);
        Assert.True(cover.Time is (>= 1.0 and < 2.2) or (>= 3.2 and < 4.2), $"cover at {cover.Time}: not on the testsrc2 or mandelbrot shot");
        Assert.InRange(cover.Confidence, 1, 100);

        Assert.NotEmpty(analysis.Highlights);
        Assert.All(analysis.Highlights, h => Assert.True(h.Start >= 1.0 && h.End <= 4.2, $"highlight {h.Start}-{h.End} in the black head or tail"));
        Assert.Contains(analysis.Highlights, h => h.Start == 1.0);
    }

    [Fact]
    public void From_SteadyLiveClip_OneShotNoHeadNoTail()
    {
        var frames = Enumerable.Range(0, 75).Select(i => new FrameSample(i * 0.04, i == 0 ? 0 : 0.01, 120, 30, 200, 2.5, 5)).ToList();
        var audio = Enumerable.Range(0, 30).Select(i => new AudioSample(i * 0.1, -20)).ToList();
        var analysis = MediaAnalysis.From(frames, audio, 3.0);
        var shot = Assert.Single(analysis.Shots);
        Assert.Equal((0.0, 3.0), (shot.Start, shot.End));
        Assert.Equal(new HeadTail(0, 3.0), analysis.HeadTail);
        Assert.NotNull(analysis.Cover);
    }

    [Fact]
    public void From_StaticSilentIntroThenLive_HeadEndsWhereMotionOrSoundStarts()
    {
        // 1.2 s of a still title card over silence, then motion with sound; a still card with sound would not be a head.
        var frames = Enumerable.Range(0, 75).Select(i => new FrameSample(i * 0.04, i == 30 ? 0.6 : 0, 120, 30, 200, i < 30 ? 0 : 3, 5)).ToList();
        var silentIntro = Enumerable.Range(0, 30).Select(i => new AudioSample(i * 0.1, i < 12 ? double.NegativeInfinity : -20)).ToList();
        Assert.Equal(1.2, MediaAnalysis.From(frames, silentIntro, 3.0).HeadTail.HeadTimeOffset, 3);
        var scoredIntro = Enumerable.Range(0, 30).Select(i => new AudioSample(i * 0.1, -20)).ToList();
        Assert.Equal(0, MediaAnalysis.From(frames, scoredIntro, 3.0).HeadTail.HeadTimeOffset);
    }

    [Fact]
    public void CoverPicker_OnlyBlackOrFlatFrames_NoCover()
    {
        var frames = new[] { new FrameSample(0, 0, 16, 16, 16, 0, double.NaN), new FrameSample(0.04, 0, 81, 81, 81, 0, double.NaN) };
        Assert.Null(CoverPicker.Pick(frames, ShotSegmenter.Segment(frames, 0.08)));
    }

    [Fact]
    public void HighlightPicker_NoMotionNoSound_NoHighlight()
    {
        var frames = Enumerable.Range(0, 50).Select(i => new FrameSample(i * 0.04, 0, 120, 30, 200, 0, 5)).ToList();
        var silence = Enumerable.Range(0, 20).Select(i => new AudioSample(i * 0.1, double.NegativeInfinity)).ToList();
        Assert.Empty(HighlightPicker.Pick(ShotSegmenter.Segment(frames, 2.0), frames, silence));
    }
}
