using Mediaflow.Media.QualityControl.Format;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl.Format;

/// <summary>
/// The pure trace reader on captured ffmpeg 5.1 <c>filter_units,trace_headers</c> logs (TestData/QualityControl): two
/// MPEG-TS encodes joined with the concat demuxer, the second with other encoder settings.
/// </summary>
public class ParameterSetTraceTests
{
    private static ParameterSetTrace Feed(IEnumerable<string> lines)
    {
        var trace = new ParameterSetTrace();
        foreach (var line in lines)
        {
            trace.Feed(line);
        }

        trace.Complete();
        return trace;
    }

    private static string[] Lines(string file) => TestDataFiles.Read("QualityControl/" + file).Split('\n');

    [Fact]
    public void Feed_H264BaselineThenHigh_OneChangeAtTheSecondPartsFirstPacket()
    {
        // Part two starts at 1.4 s (the muxer's offset) + 2 s = 306000 ticks of 1/90000; its SPS says profile 100, not 66.
        Assert.Equal([306000L], Feed(Lines("trace-headers-h264-sps-change.log")).Changes);
    }

    [Fact]
    public void Feed_H264FirstPartOnly_RepeatedIdenticalParameterSetsAreNoChange()
    {
        var lines = Lines("trace-headers-h264-sps-change.log");
        var cut = Array.FindIndex(lines, l => l.Contains("pts 306000", StringComparison.Ordinal));
        Assert.True(cut > 0);
        var trace = Feed(lines[..cut]);
        Assert.Empty(trace.Changes);
    }

    [Fact]
    public void Feed_HevcBFramesThenNone_ChangeAtTheSecondPart()
    {
        // x265 with B-frames, then without: VPS and SPS max_dec_pic_buffering differ (one change per packet).
        Assert.Equal([223200L], Feed(Lines("trace-headers-hevc-sps-change.log")).Changes);
    }

    [Fact]
    public void Feed_PpsNamingItsSps_ComparedByItsOwnId()
    {
        string[] Pps(int ppsId, int spsId) =>
        [
            "[trace_headers @ 0x1] Picture Parameter Set",
            $"[trace_headers @ 0x1] 8           pic_parameter_set_id                                        1 = {ppsId}",
            $"[trace_headers @ 0x1] 9           seq_parameter_set_id                                        1 = {spsId}",
        ];

        // Two PPS with different ids are two parameter sets, not one changing; the same id again with another SPS is a change.
        var trace = Feed(["[trace_headers @ 0x1] Packet: 9 bytes, key frame, pts 0, dts 0, duration 1.", .. Pps(0, 0), .. Pps(1, 0),
            "[trace_headers @ 0x1] Packet: 9 bytes, key frame, pts 50, dts 50, duration 1.", .. Pps(0, 0), .. Pps(1, 0),
            "[trace_headers @ 0x1] Packet: 9 bytes, key frame, pts 100, dts 100, duration 1.", .. Pps(1, 1)]);
        Assert.Equal([100L], trace.Changes);
    }
}
