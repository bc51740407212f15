using Mediaflow.Media.Snapshots;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Snapshots;

/// <summary>The showinfo reader on captured ffmpeg 5.1 stderr (a 25 fps source sampled every 0.3 s).</summary>
public class ShowInfoParserTests
{
    [Fact]
    public void ParseAll_CapturedSelectRun_OneEntryPerFrameLine()
    {
        var lines = TestDataFiles.Read("Snapshots/showinfo-select.stderr.txt").Split('\n');

        var frames = ShowInfoParser.ParseAll(lines);

        // The first frame, then the first at or after 0.3, 0.6 and 0.9 s: 0.32 (frame 8), 0.6 (frame 15, exactly on the grid), 0.92.
        Assert.Equal([0, 0.32, 0.6, 0.92], frames.Select(f => f.PtsTime));
        Assert.Equal([0L, 1, 2, 3], frames.Select(f => f.Number));
        Assert.All(frames, f => Assert.Equal(2, f.FilterIndex));
    }

    [Theory]
    [InlineData("[Parsed_showinfo_0 @ 0x5555] config in time_base: 1/25, frame_rate: 25/1")]
    [InlineData("[Parsed_showinfo_0 @ 0x5555] color_range:unknown color_space:unknown")]
    [InlineData("[Parsed_scale_1 @ 0x5555] n:   0 pts:      0 pts_time:0       pos:")]
    [InlineData("frame=    1 fps=0.0 q=3.6 size=N/A time=00:00:00.04")]
    [InlineData("")]
    public void Parse_OtherLine_Null(string line) => Assert.Null(ShowInfoParser.Parse(line));

    [Fact]
    public void Parse_NegativeAndExponentTimes_Read()
    {
        Assert.Equal(new ShowInfoFrame(12, 7, -0.04), ShowInfoParser.Parse("[Parsed_showinfo_12 @ 0x7f] n:   7 pts:     -1 pts_time:-0.04   pos: -1"));
        Assert.Equal(1e-05, ShowInfoParser.Parse("[Parsed_showinfo_3 @ 0xab] n:   0 pts:      1 pts_time:1e-05   pos: -1")!.PtsTime);
    }
}
