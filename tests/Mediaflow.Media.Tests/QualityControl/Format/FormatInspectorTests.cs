using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Format;
using Mediaflow.Media.Tests.Support;
using static Mediaflow.Media.Tests.QualityControl.Format.FormatFixtures;

namespace Mediaflow.Media.Tests.QualityControl.Format;

/// <summary>Each format item on a real ffmpeg-made source with that defect (positive) and on clean sources (negative).</summary>
public sealed class FormatInspectorTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    private async Task<IReadOnlyList<QcDiagnosis>> InspectAsync(string path, params QcItemRequest[] overrides)
    {
        var inspector = new FormatInspector(media.Options, media.Runner);
        var probe = await media.Prober.ProbeAsync(path, CancellationToken.None);
        var items = inspector.ItemTypes.Select(t => overrides.FirstOrDefault(o => o.Type == t) ?? new QcItemRequest(t)).ToList();
        var report = await inspector.InspectAsync(new QcInspection(path, probe, items, dir.Path), new Progress<double>(), CancellationToken.None);
        return report.Diagnoses;
    }

    private static QcDiagnosis Single(IReadOnlyList<QcDiagnosis> diagnoses, string type) =>
        diagnoses.SingleOrDefault(d => d.Type == type) ?? throw new Xunit.Sdk.XunitException($"no {type} in {Show(diagnoses)}");

    private static string Show(IReadOnlyList<QcDiagnosis> diagnoses) =>
        "[" + string.Join("; ", diagnoses.Select(d => $"{d.Type} {string.Join(',', d.Timestamps.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)))}")) + "]";

    private static void None(IReadOnlyList<QcDiagnosis> diagnoses, params string[] types) =>
        Assert.False(diagnoses.Any(d => types.Contains(d.Type)), $"unexpected {string.Join('/', types)} in {Show(diagnoses)}");

    private static void Clean(IReadOnlyList<QcDiagnosis> diagnoses) =>
        Assert.True(diagnoses.Count == 0, $"expected no diagnosis, got {Show(diagnoses)}");

    private static void Near(double expected, double actual, double tolerance = 0.1) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");

    [Fact]
    public async Task Inspect_CleanMp4_NoDiagnosis() =>
        Clean(await InspectAsync(await TestMedia.VideoWithAudioAsync(dir.Path)));

    [Fact]
    public async Task Inspect_CleanTsWithBFrames_NoDiagnosis()
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "clean.ts",
            [.. Video(), .. Tone(2, 44100, "stereo"), "-c:v", "libx264", "-preset", "fast", "-bf", "3", "-c:a", "aac", "-shortest", "-f", "mpegts"]);
        Clean(await InspectAsync(path));
    }

    [Fact]
    public async Task Inspect_CleanWebmAtNtscRate_NoDiagnosis()
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "clean.webm",
            [.. Video(rate: "30000/1001"), .. Tone(), "-c:v", "libvpx", "-deadline", "realtime", "-b:v", "300k", "-c:a", "libopus", "-shortest"]);
        Clean(await InspectAsync(path));
    }

    [Fact]
    public async Task Inspect_ResolutionChangeAtTwoSeconds_VideoResolutionChanged()
    {
        var path = await ConcatAsync(dir.Path, "res.ts", await TsAsync(dir.Path, "a.ts"), await TsAsync(dir.Path, "b.ts", offset: 2, width: 256, height: 144));
        var found = await InspectAsync(path);
        Near(2, Single(found, "VideoResolutionChanged").Timestamps.Single());
        None(found, "AudioSampleRateChanged", "AudioChannelsChanged");
    }

    [Fact]
    public async Task Inspect_SecondPartRestartsAtZero_TimestampFallback()
    {
        var part = await TsAsync(dir.Path, "a.ts");
        var found = await InspectAsync(await ConcatAsync(dir.Path, "back.ts", part, part));
        var fallback = Single(found, "TimestampFallback");
        Assert.Equal("Error", fallback.SeverityLevel);
        Near(2, fallback.Timestamps[0]);
        None(found, "VideoResolutionChanged", "AudioSampleRateChanged");
    }

    [Fact]
    public async Task Inspect_SampleRateChange_AudioSampleRateChanged()
    {
        var path = await ConcatAsync(dir.Path, "rate.ts", await TsAsync(dir.Path, "a.ts", sampleRate: 44100), await TsAsync(dir.Path, "b.ts", offset: 2, sampleRate: 48000));
        var found = await InspectAsync(path);
        Near(2, Single(found, "AudioSampleRateChanged").Timestamps.Single());
        None(found, "AudioChannelsChanged");
    }

    [Fact]
    public async Task Inspect_MonoThenStereo_AudioChannelsChanged()
    {
        var path = await ConcatAsync(dir.Path, "ch.ts", await TsAsync(dir.Path, "a.ts"), await TsAsync(dir.Path, "b.ts", offset: 2, layout: "stereo"));
        var found = await InspectAsync(path);
        Near(2, Single(found, "AudioChannelsChanged").Timestamps.Single());
        None(found, "AudioSampleRateChanged");
    }

    [Fact]
    public async Task Inspect_OddFramesDecodedEarly_DtsJitterOnly()
    {
        // Odd frames' DTS 13 ms (a third of a frame) early; PTS untouched and still >= DTS.
        var path = await RemuxAsync(dir.Path, await TsAsync(dir.Path, "a.ts", audio: false), "dts.ts", "-bsf:v", "setts=dts=DTS-if(mod(N\\,2)\\,1200\\,0)", "-f", "mpegts");
        var found = await InspectAsync(path);
        Assert.True(Single(found, "DtsJitter").Timestamps.Count >= 10);
        None(found, "PtsJitter", "FpsJitter", "TimestampFallback");
    }

    [Fact]
    public async Task Inspect_OddFramesShownLate_PtsJitterOnly()
    {
        var path = await RemuxAsync(dir.Path, await TsAsync(dir.Path, "a.ts", audio: false), "pts.ts", "-bsf:v", "setts=pts=PTS+if(mod(N\\,2)\\,1200\\,0)", "-f", "mpegts");
        var found = await InspectAsync(path);
        Assert.True(Single(found, "PtsJitter").Timestamps.Count >= 10);
        None(found, "DtsJitter", "FpsJitter");
    }

    [Fact]
    public async Task Inspect_HalfSecondOfFramesDropped_FpsJitterInThatSecond()
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "drop.mp4",
            [.. Video(seconds: 3), "-vf", "select='not(between(t\\,1\\,1.5))'", "-fps_mode", "passthrough", .. X264]);
        var found = await InspectAsync(path);
        Near(1, Single(found, "FpsJitter").Timestamps.Single(), 0.05);
        None(found, "PtsJitter", "DtsJitter");
    }

    [Fact]
    public async Task Inspect_HalfSecondOfFramesDropped_VideoDroppingFramesBeforeTheGap()
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "drop.mp4",
            [.. Video(seconds: 3), "-vf", "select='not(between(t\\,1\\,1.5))'", "-fps_mode", "passthrough", .. X264]);
        Near(0.96, Single(await InspectAsync(path), "VideoDroppingFrames").Timestamps.Single(), 0.05);
    }

    [Fact]
    public async Task Inspect_RepeatedTimestamp_VideoDuplicatedFrame()
    {
        var path = await RemuxAsync(dir.Path, await TestMedia.VideoOnlyAsync(dir.Path), "dup.mkv", "-bsf:v", "setts=ts=if(eq(N\\,10)\\,PREV_OUTPTS\\,TS)");
        Near(0.36, Single(await InspectAsync(path), "VideoDuplicatedFrame").Timestamps.Single(), 0.01);
    }

    [Fact]
    public async Task Inspect_SampleAspectTenToOne_DarOrSarInvalid()
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "sar.mp4", [.. Video(), "-vf", "setsar=10", .. X264]);
        Assert.Equal([0.0], Single(await InspectAsync(path), "DarOrSarInvalid").Timestamps);
    }

    [Fact]
    public async Task Inspect_CutMidGop_VideoFirstFrameNotIdr()
    {
        var path = await RemuxAsync(dir.Path, await TsAsync(dir.Path, "a.ts", audio: false), "cut.ts", "-ss", "0.5", "-copyinkf", "-f", "mpegts");
        Single(await InspectAsync(path), "VideoFirstFrameNotIdr");
    }

    [Fact]
    public async Task Inspect_CorruptedVideoPackets_VideoDecodeFailed()
    {
        var path = await RemuxAsync(dir.Path, await TsAsync(dir.Path, "a.ts"), "vnoise.ts", "-bsf:v", "noise=amount=2000", "-f", "mpegts");
        var found = await InspectAsync(path);
        Assert.Equal("Error", Single(found, "VideoDecodeFailed").SeverityLevel);
        None(found, "AudioDecodeFailed");
    }

    [Fact]
    public async Task Inspect_CorruptedAudioPackets_AudioDecodeFailed()
    {
        var source = await TestMedia.GenerateAsync(dir.Path, "mp2.ts", [.. Video(), .. Tone(), .. X264, "-c:a", "mp2", "-f", "mpegts"]);
        var found = await InspectAsync(await RemuxAsync(dir.Path, source, "anoise.ts", "-bsf:a", "noise=amount=30", "-f", "mpegts"));
        Single(found, "AudioDecodeFailed");
        None(found, "VideoDecodeFailed");
    }

    [Fact]
    public async Task Inspect_VideoOnly_AudioStreamLack()
    {
        var found = await InspectAsync(await TestMedia.VideoOnlyAsync(dir.Path));
        Assert.Equal(["AudioStreamLack"], found.Select(d => d.Type));
    }

    [Fact]
    public async Task Inspect_AudioOnly_VideoStreamLack()
    {
        var found = await InspectAsync(await TestMedia.AudioOnlyAsync(dir.Path));
        Assert.Equal(["VideoStreamLack"], found.Select(d => d.Type));
    }

    [Fact]
    public async Task Inspect_DisplayMatrix90_VideoRotation()
    {
        var found = await InspectAsync(await TestMedia.RotatedAsync(dir.Path, await TestMedia.VideoWithAudioAsync(dir.Path)));
        Assert.Equal("Info", Single(found, "VideoRotation").SeverityLevel);
    }

    [Fact]
    public async Task Inspect_TwoPrograms_TsMultiPrograms()
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "programs.ts",
            [.. Video(), .. Tone(), .. X264, "-c:a", "aac", "-shortest", "-program", "title=A:st=0", "-program", "title=B:st=1", "-f", "mpegts"]);
        Single(await InspectAsync(path), "TsMultiPrograms");
    }

    [Theory]
    [InlineData("hev1", true)]
    [InlineData("hvc1", false)]
    public async Task Inspect_HevcSampleEntry_Mp4InvalidCodecFourccOnlyForHev1(string tag, bool expected)
    {
        var path = await TestMedia.GenerateAsync(dir.Path, tag + ".mp4",
            [.. Video(seconds: 1), "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", tag]);
        var found = await InspectAsync(path);
        Assert.Equal(expected, found.Any(d => d.Type == "Mp4InvalidCodecFourcc"));
    }

    [Fact]
    public async Task Inspect_TimecodeTrack_TimecodeTrackExist()
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "tc.mp4", [.. Video(), .. X264, "-timecode", "01:00:00:00"]);
        Single(await InspectAsync(path), "TimecodeTrackExist");
    }

    [Fact]
    public async Task Inspect_PesHeaderWithPtsBelowDts_PtsLessThanDts()
    {
        var source = await TestMedia.GenerateAsync(dir.Path, "bf.ts", [.. Video(seconds: 1), "-c:v", "libx264", "-preset", "fast", "-bf", "2", "-f", "mpegts"]);
        var found = await InspectAsync(await PtsBelowDtsAsync(dir.Path, source, "ptsdts.ts", 5));
        var diagnosis = Single(found, "PtsLessThanDts");
        Assert.Equal("Error", diagnosis.SeverityLevel);
        // The patched packet's DTS is 1.56 s; the first decoded frame (after the B-frame delay) 1.48 s.
        Near(0.08, diagnosis.Timestamps.Single(), 0.01);
        None(await InspectAsync(source), "PtsLessThanDts");
    }

    [Fact]
    public async Task Inspect_AudioStopsWhileVideoGoesOn_AudioStreamLackWhereItStopped()
    {
        var video = await TestMedia.GenerateAsync(dir.Path, "b.ts", [.. Video(seconds: 3), .. X264, "-output_ts_offset", "2", "-f", "mpegts"]);
        var found = await InspectAsync(await ConcatAsync(dir.Path, "gap.ts", await TsAsync(dir.Path, "a.ts"), video));
        Near(2, Single(found, "AudioStreamLack").Timestamps.Single(), 0.1);
        None(found, "VideoStreamLack");
    }

    [Fact]
    public async Task Inspect_RightChannelInvertedFromOneToThreeAndAHalfSeconds_AudioOutOfPhaseAtOne()
    {
        var path = await TestMedia.GenerateAsync(dir.Path, "phase.mp4",
        [
            .. Video(seconds: 5),
            "-f", "lavfi", "-i", "aevalsrc=sin(440*2*PI*t)|if(between(t\\,1\\,3.5)\\,-1\\,1)*sin(440*2*PI*t):s=48000:d=5",
            .. X264, "-c:a", "aac", "-b:a", "96k",
        ]);
        var found = await InspectAsync(path);
        var diagnosis = Single(found, "AudioOutOfPhase");
        Assert.Equal("Warning", diagnosis.SeverityLevel);
        Near(1, diagnosis.Timestamps.Single(), 0.2);
    }

    /// <summary>Two MPEG-TS encodes joined by the concat demuxer (<c>-c copy</c>): the second's parameter sets are in-band.</summary>
    private async Task<string> JoinAsync(string name, string first, string second)
    {
        var list = Path.Combine(dir.Path, name + ".txt");
        await File.WriteAllLinesAsync(list, [$"file '{first}'", $"file '{second}'"]);
        return await TestMedia.GenerateAsync(dir.Path, name, ["-f", "concat", "-safe", "0", "-i", list, "-c", "copy", "-f", "mpegts"]);
    }

    [Fact]
    public async Task Inspect_BaselineThenHighProfileAtTwoSeconds_ParameterSetsChangedOnly()
    {
        var first = await TestMedia.GenerateAsync(dir.Path, "base.ts", [.. Video(), .. X264, "-f", "mpegts"]);
        var second = await TestMedia.GenerateAsync(dir.Path, "high.ts", [.. Video(), "-c:v", "libx264", "-preset", "fast", "-profile:v", "high", "-g", "25", "-pix_fmt", "yuv420p", "-f", "mpegts"]);
        var found = await InspectAsync(await JoinAsync("sps.ts", first, second));
        Near(2, Single(found, "ParameterSetsChanged").Timestamps.Single());
        Assert.Equal("Warning", Single(found, "ParameterSetsChanged").SeverityLevel);
        None(found, "VideoResolutionChanged", "TimestampFallback", "VideoDecodeFailed");
    }

    [Fact]
    public async Task Inspect_SameEncodeJoinedTwice_NoParameterSetsChanged()
    {
        var part = await TestMedia.GenerateAsync(dir.Path, "part.ts", [.. Video(), .. X264, "-f", "mpegts"]);
        None(await InspectAsync(await JoinAsync("same.ts", part, part)), "ParameterSetsChanged");
    }

    [Fact]
    public async Task Inspect_FragmentedMp4WithTwoSecondFragments_AVTimestampInterleave()
    {
        // Each fragment holds 2 s of video followed by the same 2 s of audio: read in file order, audio lags video by ~2 s.
        var path = await TestMedia.GenerateAsync(dir.Path, "frag.mp4",
            [.. Video(seconds: 4), .. Tone(4), "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "frag_keyframe+empty_moov"]);
        var interleave = Single(await InspectAsync(path), "AVTimestampInterleave");
        Near(0, interleave.Timestamps[0]);
        Assert.Equal(2, interleave.Timestamps.Count);

        // The same file judged with a threshold above the fragment length: nothing.
        None(await InspectAsync(path, new QcItemRequest("AVTimestampInterleave", "2.5")), "AVTimestampInterleave");
    }

    [Fact]
    public async Task Inspect_InterleaveThresholdNotANumber_PermanentConfigurationFailure()
    {
        var path = await TestMedia.VideoWithAudioAsync(dir.Path);
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => InspectAsync(path, new QcItemRequest("AVTimestampInterleave", "soon")));
        Assert.False(failure.Retryable);
        Assert.Contains("AVTimestampInterleave", failure.Message, StringComparison.Ordinal);
    }
}
