using Mediaflow.Media.QualityControl;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>The documented score mapping on hand-made measurements.</summary>
public class AudioScoreTests
{
    private static AudioSample Frame(double time, double rms, double peak, double? integrated, double? flatness = null) =>
        new() { Time = time, Rms = rms, Peak = peak, FlatFactor = 0, Integrated = integrated, Flatness = flatness };

    private static readonly IReadOnlyDictionary<string, ItemSettings> Enabled = ItemSettings.Resolve([new QcItemRequest("AudioEvaluation")]);

    private static ContentMeasurements Measure(IReadOnlyList<AudioSample> audio, IReadOnlyList<AudioSample>? spectral = null) =>
        new([], audio, 0.5, 0, 0, 2) { Spectral = spectral ?? [] };

    [Fact]
    public void Evaluate_LoudnessInsideTheWindowNoClippingNoNoise_Hundred()
    {
        var score = AudioScore.Evaluate(Measure([Frame(0, -20, -12, -20), Frame(1, -20, -12, -20)], [Frame(0, -20, -12, null, 0.1)]), Enabled);
        Assert.Equal(100, score!.Score);
        Assert.Empty(score.Findings);
    }

    [Fact]
    public void Evaluate_TenLuTooLoud_TwentyPointsOff()
    {
        Assert.Equal(80, AudioScore.Evaluate(Measure([Frame(0, -6, -3, -4)]), Enabled)!.Score);
    }

    [Fact]
    public void Evaluate_HalfTheFramesSquashedAtFullScale_FortyPointsOffAtMost()
    {
        // 50 % clipped = 50 points, capped at 40; the loudness is inside the window.
        var score = AudioScore.Evaluate(Measure([Frame(0, -1.5, -0.2, -20), Frame(1, -20, -10, -20)]), Enabled)!;
        Assert.Equal(0.5, score.ClippedShare);
        Assert.Equal(60, score.Score);
    }

    [Fact]
    public void Evaluate_BroadbandNoiseAndClippingAndTooLoud_BelowThresholdWithAFindingOverTheWholeRange()
    {
        var score = AudioScore.Evaluate(Measure([Frame(0, -1.5, -0.2, -2), Frame(1, -1.5, -0.2, -2)], [Frame(0, -10, -3, null, 0.8)]), Enabled)!;
        Assert.Equal(0, score.Score); // 30 (loudness, capped) + 40 (clipping) + 40 (noise) ≥ 100
        var finding = Assert.Single(score.Findings);
        Assert.Equal((0.0, 2.0, 100), (finding.StartTime, finding.EndTime, finding.Confidence));
    }

    [Fact]
    public void Evaluate_NotEnabled_Null()
    {
        Assert.Null(AudioScore.Evaluate(Measure([Frame(0, -20, -12, -20)]), ItemSettings.Resolve([new QcItemRequest("NoVoice")])));
    }
}
