using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>Sound defects at 2.0–3.5 s of a 440 Hz tone, found with their type and time range (±0.5 s) and nothing else.</summary>
public class ContentInspectorSoundTests
{
    [Theory]
    [InlineData("NoVoice", "[1:a]volume=0:" + Defect + "[a]")]
    [InlineData("LowVoice", "[1:a]volume=0.03:" + Defect + "[a]")]
    [InlineData("HighVoice", "[1:a]volume=25dB:" + Defect + "[a]")]
    [InlineData("AudioNoise", "[2:a]volume=0:enable='not(between(t,2,3.5))'[n];[1:a][n]amix=inputs=2:normalize=0[a]")]
    public async Task Inspect_SoundDefect_FoundAtItsTimeAndNothingElse(string type, string graph)
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await SoundAsync(dir.Path, type, graph);

        var report = await InspectAsync(media, clip, dir.File("work"));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(type, finding.Type);
        Assert.InRange(finding.StartTime, DefectStart - 0.5, DefectStart + 0.5);
        Assert.InRange(finding.EndTime, DefectEnd - 0.5, DefectEnd + 0.5);
    }

    [Fact]
    public async Task Inspect_ClippedPcm_HighVoiceFromClippingAlone()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        // A loudness threshold no signal reaches: only the clipping rule (peak at full scale, flat tops) can fire.
        QcItemRequest[] items = [new("HighVoice", Threshold: "10")];
        var clipped = await SoundAsync(dir.Path, "clipped", "[1:a]volume=25dB:" + Defect + "[a]", "pcm_s16le", "mkv");
        var loudClean = await SoundAsync(dir.Path, "loud", "[1:a]volume=7.4:" + Defect + "[a]", "pcm_s16le", "mkv");

        var found = await InspectAsync(media, clipped, dir.File("w1"), items);
        var clean = await InspectAsync(media, loudClean, dir.File("w2"), items);

        var finding = Assert.Single(found.Findings);
        Assert.Equal("HighVoice", finding.Type);
        Assert.InRange(finding.StartTime, DefectStart - 0.5, DefectStart + 0.5);
        Assert.InRange(finding.EndTime, DefectEnd - 0.5, DefectEnd + 0.5);
        Assert.Empty(clean.Findings);
    }
}
