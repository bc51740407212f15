using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.ContentInspectorFixture;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>Clipping after a lossy codec (HighVoice) and the audio score (AudioEvaluation) on real encodes.</summary>
public class ContentInspectorAudioQualityTests
{
    /// <summary>The tone driven 25 dB over full scale from 2 to 3.5 s and clipped to 16 bits before the lossy encode.</summary>
    private const string ClippedTone = "[1:a]volume=25dB:" + Defect + ",aformat=sample_fmts=s16[a]";

    [Theory]
    [InlineData("aac", "mp4")]
    [InlineData("libmp3lame", "mkv")]
    public async Task Inspect_ClippedSegmentInLossyAudio_HighVoiceFromClippingAlone(string codec, string container)
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        // A loudness threshold no signal reaches: only the clipping rules can fire (the flat tops are gone after the codec).
        QcItemRequest[] items = [new("HighVoice", Threshold: "10")];
        var clipped = await SoundAsync(dir.Path, "clipped", ClippedTone, codec, container);
        var loudClean = await SoundAsync(dir.Path, "loud", "[1:a]volume=7.4:" + Defect + "[a]", codec, container);

        var found = await InspectAsync(media, clipped, dir.File("w1"), items);
        var clean = await InspectAsync(media, loudClean, dir.File("w2"), items);

        var finding = Assert.Single(found.Findings);
        Assert.Equal("HighVoice", finding.Type);
        Assert.InRange(finding.StartTime, DefectStart - 0.5, DefectStart + 0.5);
        Assert.InRange(finding.EndTime, DefectEnd - 0.5, DefectEnd + 0.5);
        Assert.Empty(clean.Findings);
    }

    [Fact]
    public async Task Inspect_ClippedNoisyBandLimitedAudio_LowAudioEvaluationOverTheWholeClip()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        // Tone 25 dB over full scale plus white noise, clipped to 16 bits, then band-limited to 8 kHz (16 kHz resampling).
        var degraded = await SoundAsync(dir.Path, "degraded",
            "[1:a]volume=25dB[t];[t][2:a]amix=inputs=2:normalize=0,aformat=sample_fmts=s16,aresample=16000,aresample=48000[a]");

        var report = await InspectAsync(media, degraded, dir.File("w"), [new QcItemRequest("AudioEvaluation")]);

        var score = report.Scores["AudioEvaluationScore"];
        Assert.InRange(score, 0, 40); // clean sources score ≥ 80 (below)
        var finding = Assert.Single(report.Findings);
        Assert.Equal("AudioEvaluation", finding.Type);
        Assert.InRange(finding.StartTime, 0, 0.1);
        Assert.InRange(finding.EndTime, 4.9, 5.1);
    }

    public static TheoryData<string, string[]> CleanSources => new()
    {
        { "tone", ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5"] },
        { "speech", ["-f", "lavfi", "-i", "flite=text='media quality inspection finds real defects with real time ranges':voice=rms", "-af", "aresample=48000"] },
        { "chord", ["-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=5", "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100:duration=5",
            "-filter_complex", "[0:a][1:a]amerge=inputs=2[a]", "-map", "[a]"] },
    };

    [Theory]
    [MemberData(nameof(CleanSources))]
    public async Task Inspect_CleanAudio_HighAudioEvaluationAndNoFinding(string name, string[] input)
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        var clip = await TestMedia.GenerateAsync(dir.Path, name + ".m4a", [.. input, "-c:a", "aac", "-b:a", "128k"]);

        var report = await InspectAsync(media, clip, dir.File("w"), [new QcItemRequest("AudioEvaluation"), new QcItemRequest("HighVoice")]);

        Assert.InRange(report.Scores["AudioEvaluationScore"], 80, 100);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task Inspect_AudioEvaluationThresholdAboveTheCleanScore_FindingWithThatThreshold()
    {
        using var dir = new TempDirectory();
        await using var media = new MediaServices();
        // Tone at −18 dBFS peak is about −21 LUFS: inside the window, so 100; a threshold above 100 flags even that.
        var clip = await TestMedia.GenerateAsync(dir.Path, "tone.m4a", ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=3", "-c:a", "aac"]);

        var report = await InspectAsync(media, clip, dir.File("w"), [new QcItemRequest("AudioEvaluation", Threshold: "101")]);

        Assert.Equal(100, report.Scores["AudioEvaluationScore"]);
        Assert.Equal("AudioEvaluation", Assert.Single(report.Findings).Type);
    }
}
