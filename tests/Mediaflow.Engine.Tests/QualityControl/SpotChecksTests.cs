using Mediaflow.Engine.QualityControl;
using Mediaflow.Media.QualityControl;

namespace Mediaflow.Engine.Tests.QualityControl;

/// <summary>What of a whole-file (format) report a TimeSpotCheck keeps.</summary>
public class SpotChecksTests
{
    [Fact]
    public void Keep_OnlyWhatOverlapsAWindowAndStreamLevelFacts()
    {
        var report = new QcReport
        {
            Findings = [new QcFinding("Blur", 1, 2, 50), new QcFinding("Blur", 14, 16, 50), new QcFinding("Blur", 40, 41, 50)],
            Diagnoses = [new QcDiagnosis("DtsJitter", "Warning", [3, 12, 31]), new QcDiagnosis("PtsJitter", "Warning", [40]), new QcDiagnosis("VideoStreamLack", "Fatal", [])],
        };

        var kept = SpotChecks.Keep(report, [(10, 15), (30, 35)]);

        Assert.Equal([14.0], kept.Findings.Select(f => f.StartTime));
        Assert.Equal(["DtsJitter", "VideoStreamLack"], kept.Diagnoses.Select(d => d.Type));
        Assert.Equal([12.0, 31.0], kept.Diagnoses[0].Timestamps);
    }
}
