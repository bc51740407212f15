using Mediaflow.Media.QualityControl;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>The pure rules on the captured content pass, and the run merging they share.</summary>
public class ContentAnalysisTests
{
    private static ContentMeasurements CapturedMeasurements()
    {
        var frames = MetadataPrintParserTests.Captured();
        var audio = frames.Where(f => f.Audio).Select(AudioSample.From).ToList();
        return new ContentMeasurements([.. frames.Where(f => !f.Audio).Select(VideoSample.From)], [.. audio.Where(a => a.Flatness is null)], 0.5, 320, 180, 3)
        {
            Spectral = [.. audio.Where(a => a.Flatness is not null)],
        };
    }

    private static IReadOnlyDictionary<string, ItemSettings> AllItems(double minDuration) =>
        ItemSettings.Resolve(ContentItem.All.Keys.Select(k => new QcItemRequest(k, MinDuration: minDuration)));

    [Fact]
    public void Analyze_CapturedBlackAndSilentSecond_SolidColourAndNoVoiceOnly()
    {
        var findings = ContentAnalysis.Analyze(CapturedMeasurements(), AllItems(minDuration: 0.5));

        Assert.Equal(["NoVoice", "SolidColorScreen"], findings.Select(f => f.Type).Order(StringComparer.Ordinal));
        var solid = findings.Single(f => f.Type == "SolidColorScreen");
        Assert.Equal((1, 2), (solid.StartTime, solid.EndTime));
        var silence = findings.Single(f => f.Type == "NoVoice");
        Assert.InRange(silence.StartTime, 1, 1.2);
        Assert.InRange(silence.EndTime, 1.9, 2.1);
    }

    [Fact]
    public void Analyze_MinDurationLongerThanTheDefect_NothingReported()
    {
        Assert.Empty(ContentAnalysis.Analyze(CapturedMeasurements(), AllItems(minDuration: 1.5)));
    }

    [Fact]
    public void Find_GapOfOneSample_BridgedWithLowerConfidence()
    {
        double[] times = [0, 0.5, 1, 1.5, 2, 2.5, 3];
        bool[] flagged = [false, true, true, false, true, false, false];

        var run = Assert.Single(SampleRun.Find(times, _ => 0.5, i => flagged[i], bridge: 0.5, minDuration: 1, end: 0));

        Assert.Equal((0.5, 2.5, 75), (run.Start, run.End, run.Confidence));
    }

    [Fact]
    public void Find_RunPastTheEnd_ClampedAndShortRunsDropped()
    {
        double[] times = [0, 0.5, 1, 1.5, 2, 2.5];
        bool[] flagged = [true, false, false, false, true, true];

        var run = Assert.Single(SampleRun.Find(times, _ => 0.5, i => flagged[i], bridge: 0, minDuration: 0.75, end: 2.8));

        Assert.Equal((2, 2.8, 100), (run.Start, run.End, run.Confidence));
    }

    [Fact]
    public void Subtract_HoleInsideAndOverlappingTheEnd_Pieces()
    {
        var pieces = SampleRun.Subtract([(0, 10)], [(2, 3), (9, 12)]);

        Assert.Equal([(0, 2), (3, 9)], pieces);
    }
}
