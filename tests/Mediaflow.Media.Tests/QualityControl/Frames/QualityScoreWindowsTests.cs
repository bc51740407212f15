using Mediaflow.Media.QualityControl.Frames;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

public class QualityScoreWindowsTests
{
    private static (double, double)[] Scores(params double[] values) => [.. values.Select((v, i) => ((double)i, v))];

    [Theory]
    [InlineData(0, 100)]
    [InlineData(20.5, 79.5)]
    [InlineData(100, 0)]
    [InlineData(130, 0)]
    [InlineData(-5, 100)]
    public void FromBrisque_Maps100MinusClamped(double brisque, double score) => Assert.Equal(score, QualityScoreWindows.FromBrisque(brisque));

    [Fact]
    public void Low_RunOfThreeBelowThreshold_OneFindingIncludingTheLastInterval()
    {
        var finding = Assert.Single(QualityScoreWindows.Low(Scores(60, 20, 25, 30, 60, 20), 35, 3, 1));
        Assert.Equal(("LowEvaluation", 1.0, 4.0), (finding.Type, finding.StartTime, finding.EndTime));
        Assert.InRange(finding.Confidence, 51, 100);
    }

    [Fact]
    public void Low_RunShorterThanMinDuration_Nothing() =>
        Assert.Empty(QualityScoreWindows.Low(Scores(60, 20, 25, 60), 35, 3, 1));

    [Fact]
    public void Mean_NoFrames_Null() => Assert.Null(QualityScoreWindows.Mean([]));
}
