using Mediaflow.Media.QualityControl;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl;

/// <summary>
/// The decode-damage parser on captured ffmpeg 5.1 stderr (TestData/QualityControl/decode-damage.log: <c>-debug_ts</c>
/// run of a 4 s 640×360 testsrc2 H.264 MPEG-TS, 25 fps, GOP 50, whose video packets from 2.0 to 2.5 s were damaged by
/// <c>-bsf:v noise=amount='if(between(pts*tb,2,2.5),1000,0)'</c>; the decoded frames 2.00–2.48 s except 2.16 are flagged).
/// </summary>
public class DecodeDamageParserTests
{
    private static (DecodeDamage Damage, int TraceLines, List<string> Kept) Parse(IEnumerable<string> lines)
    {
        var parser = new DecodeDamageParser();
        var kept = new List<string>();
        var trace = 0;
        foreach (var line in lines)
        {
            if (parser.Feed(line))
            {
                trace++;
            }
            else
            {
                kept.Add(line);
            }
        }

        return (parser.Complete(), trace, kept);
    }

    [Fact]
    public void Feed_CapturedDamagedStream_FlaggedFramesPlacedAtTheirTimes()
    {
        var (damage, trace, kept) = Parse(TestDataFiles.Read("QualityControl/decode-damage.log").Split('\n'));

        Assert.Equal(100, damage.Frames);
        Assert.Equal(0.04, damage.FrameStep, 3);
        Assert.Equal([2, 2.04, 2.08, 2.12, 2.2, 2.24, 2.28, 2.32, 2.36, 2.4, 2.44, 2.48], damage.Times);
        Assert.True(trace > 300);
        Assert.DoesNotContain(kept, l => l.StartsWith("decoder -> ", StringComparison.Ordinal) || l.StartsWith("demuxer", StringComparison.Ordinal));
        Assert.Contains(kept, l => l.EndsWith("corrupt decoded frame in stream 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Feed_TimesFromTheFirstDecodedFrame_DecodeErrorsPlacedOnTheNextFrame()
    {
        string Frame(double t) => $"decoder -> ist_index:1 type:video frame_pts:0 frame_pts_time:{t} best_effort_ts:0 best_effort_ts_time:{t} keyframe:0 frame_type:3 time_base:1/90000";

        var (damage, _, kept) = Parse(
        [
            Frame(1.4), Frame(1.44),
            "decoder -> ist_index:0 type:audio frame_pts:0 frame_pts_time:1.4 best_effort_ts:0 best_effort_ts_time:1.4 keyframe:1 frame_type:0 time_base:1/48000",
            "Error while decoding stream #0:1: Invalid data found when processing input",
            Frame(1.48),
            "/in/a b.ts: corrupt decoded frame in stream 1",
            Frame(1.52), Frame(1.56),
            "Error while decoding stream #0:1: Invalid data found when processing input",
        ]);

        Assert.Equal([0.08, 0.12, 0.16], damage.Times);
        Assert.Equal(5, damage.Frames);
        Assert.Equal(3, kept.Count);
    }

    [Fact]
    public void Feed_DamageOnAnotherStream_NotPlacedOnVideoFrames()
    {
        var (damage, _, _) = Parse(
        [
            "in.ts: corrupt decoded frame in stream 3",
            "decoder -> ist_index:0 type:video frame_pts:0 frame_pts_time:0 best_effort_ts:0 best_effort_ts_time:0 keyframe:1 frame_type:1 time_base:1/90000",
        ]);

        Assert.Empty(damage.Times);
    }
}
