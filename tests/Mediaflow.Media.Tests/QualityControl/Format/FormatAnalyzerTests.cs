using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Format;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl.Format;

/// <summary>The pure reader and analyzer on captured ffprobe 5.1 output (TestData/QualityControl, made with FormatInspector's arguments).</summary>
public class FormatAnalyzerTests
{
    private static IReadOnlyList<QcDiagnosis> Analyze(string file, string container = "mpegts", double interleave = FormatRules.InterleaveSeconds)
    {
        var reader = new FfprobeCompactReader();
        var analyzer = new FormatAnalyzer(container, interleave);
        foreach (var line in TestDataFiles.Read("QualityControl/" + file).Split('\n'))
        {
            if (reader.Feed(line) is { } record)
            {
                analyzer.Observe(record);
            }
        }

        if (reader.Flush() is { } last)
        {
            analyzer.Observe(last);
        }

        return analyzer.Finish();
    }

    [Fact]
    public void Finish_CapturedResolutionChangeAtOneSecond_ResolutionChangedAndNoAudio()
    {
        var found = Analyze("ffprobe-resolution-change.txt");
        Assert.Equal(["VideoResolutionChanged", "AudioStreamLack"], found.Select(d => d.Type));
        Assert.Equal([1.0], found[0].Timestamps);
        Assert.Equal("Warning", found[0].SeverityLevel);
    }

    [Fact]
    public void Finish_CapturedDtsJitter_DtsJitterOnOddFramesCappedAtTwenty()
    {
        var found = Analyze("ffprobe-dts-jitter.txt");
        Assert.Equal(["DtsJitter", "AudioStreamLack"], found.Select(d => d.Type));
        Assert.Equal(20, found[0].Timestamps.Count);
        Assert.Equal(0.027, found[0].Timestamps[0], 3); // frame 1's DTS, 13 ms early
    }

    [Fact]
    public void Finish_CapturedFramesDroppedFromOneToOneAndAHalfSeconds_VideoDroppingFramesAtTheLastFrameBefore()
    {
        // testsrc2 25 fps, 3 s, frames with 1 ≤ t ≤ 1.5 removed by select, MP4 with -fps_mode passthrough.
        var found = Analyze("ffprobe-dropped-frames.txt", "mov,mp4,m4a,3gp,3g2,mj2");
        var drop = Assert.Single(found, d => d.Type == "VideoDroppingFrames");
        Assert.Equal("Warning", drop.SeverityLevel);
        Assert.Equal(0.96, Assert.Single(drop.Timestamps), 3);
        Assert.DoesNotContain(found, d => d.Type is "PtsJitter" or "DtsJitter");
    }

    [Fact]
    public void Finish_CapturedCorruptedVideo_VideoDecodeFailedAtTheFramesWithDecoderErrors()
    {
        var found = Analyze("ffprobe-decode-errors.txt");
        Assert.Equal(["VideoDecodeFailed", "AudioStreamLack"], found.Select(d => d.Type));
        Assert.Equal("Error", found[0].SeverityLevel);
        Assert.Contains(0.0, found[0].Timestamps);
    }

    [Fact]
    public void Finish_PacketWithPtsBelowDts_PtsLessThanDts()
    {
        var analyzer = new FormatAnalyzer("mpegts");
        var reader = new FfprobeCompactReader();
        foreach (var line in new[]
        {
            "packet|codec_type=video|stream_index=0|pts_time=1.480000|dts_time=1.400000|flags=K_",
            "packet|codec_type=video|stream_index=0|pts_time=1.520000|dts_time=1.560000|flags=__",
            "stream|index=0|codec_name=h264|codec_type=video|codec_tag_string=[27][0][0][0]|sample_aspect_ratio=1:1|display_aspect_ratio=16:9",
            "stream|index=1|codec_name=aac|codec_type=audio|codec_tag_string=[15][0][0][0]",
        })
        {
            if (reader.Feed(line) is { } record)
            {
                analyzer.Observe(record);
            }
        }

        analyzer.Observe(reader.Flush()!);
        var found = analyzer.Finish();
        var diagnosis = Assert.Single(found, d => d.Type == "PtsLessThanDts");
        Assert.Equal([0.08], diagnosis.Timestamps); // from the first packet's PTS (no frame decoded)
    }

    [Fact]
    public void ObserveAudioFormat_CapturedAshowinfoAcrossARateChange_OneChangeAtItsTime()
    {
        var analyzer = new FormatAnalyzer("mpegts");
        foreach (var line in TestDataFiles.Read("QualityControl/ashowinfo-rate-change.log").Split('\n'))
        {
            if (AshowinfoParser.Parse(line) is { } format)
            {
                analyzer.Observe(new FfprobeRecord("stream", new Dictionary<string, string> { ["index"] = "0", ["codec_type"] = "audio", ["codec_name"] = "aac" }, []));
                analyzer.ObserveAudioFormat(format);
            }
        }

        var found = analyzer.Finish();
        var change = Assert.Single(found, d => d.Type == "AudioSampleRateChanged");
        Assert.Equal([1.979], change.Timestamps);
        Assert.DoesNotContain(found, d => d.Type == "AudioChannelsChanged");
    }

    [Theory]
    [InlineData("[Parsed_ashowinfo_0 @ 0x55aa7b3f6200] n:87 pts:89088 pts_time:2.02014 pos:-1 fmt:fltp channels:2 chlayout:stereo rate:44100 nb_samples:1024 checksum:356CF717", 2.02014, 44100, 2)]
    [InlineData("[Parsed_ashowinfo_3 @ 0xab] n:0 pts:-1024 pts_time:-0.0213333 pos:48 fmt:s16 channels:6 chlayout:5.1 rate:48000 nb_samples:1024 checksum:0", -0.0213333, 48000, 6)]
    public void Parse_AshowinfoLine_TimeRateChannels(string line, double time, long rate, long channels) =>
        Assert.Equal(new AudioFrameFormat(time, rate, channels), AshowinfoParser.Parse(line));

    [Theory]
    [InlineData("[aphasemeter @ 0x5556c0c44ac0] out_phase_start: 1.002", 1.002)]
    [InlineData("[Parsed_aphasemeter_1 @ 0x5556c0c44ac0] out_phase_start: 0", 0.0)]
    public void OutOfPhaseStart_CapturedLines_Start(string line, double start) => Assert.Equal(start, AphasemeterParser.OutOfPhaseStart(line));

    [Theory]
    [InlineData("[aphasemeter @ 0x5556c0c44ac0] out_phase_end: 4.992 | out_phase_duration: 4.992")]
    [InlineData("[aphasemeter @ 0x5556c0c44ac0] mono_start: 0")]
    public void OutOfPhaseStart_OtherPhasingLines_Null(string line) => Assert.Null(AphasemeterParser.OutOfPhaseStart(line));

    [Theory]
    [InlineData("[null @ 0x55aa7b380080] Application provided invalid, non monotonically increasing dts to muxer in stream 0: 89088 >= 87259")]
    [InlineData("[Parsed_showinfo_0 @ 0x55] n:   3 pts:     38 pts_time:1.52    pos: 1 fmt:yuv420p")]
    [InlineData("")]
    public void Parse_OtherLines_Null(string line) => Assert.Null(AshowinfoParser.Parse(line));

    [Fact]
    public void Finish_CapturedTwoSecondFragments_AVTimestampInterleaveWhereRunsSitFarFromTheOtherStream()
    {
        // Fragmented MP4, 2 s fragments: each holds 2 s of video, then the same 2 s of audio. The first fragment's audio
        // run starts next to video at 1.96 s (flagged from 0 s); the second fragment's video run, after audio at 1.99 s,
        // is more than 1 s from it from 3.06 s on. The first video run (no audio before it) and the last audio run (no
        // video after it) are not compared.
        var found = Analyze("ffprobe-fragmented-interleave.txt", "mov,mp4,m4a,3gp,3g2,mj2");
        Assert.Equal([0.0, 3.063], found.Single(d => d.Type == "AVTimestampInterleave").Timestamps);
        Assert.Equal("Warning", found.Single(d => d.Type == "AVTimestampInterleave").SeverityLevel);
    }

    [Fact]
    public void Finish_CapturedTwoSecondFragmentsWithThresholdAboveTheFragment_NoInterleaveFinding()
    {
        Assert.DoesNotContain(Analyze("ffprobe-fragmented-interleave.txt", "mov,mp4,m4a,3gp,3g2,mj2", interleave: 2.5), d => d.Type == "AVTimestampInterleave");
    }
}
