using Mediaflow.Media.Progress;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Progress;

public class FfmpegProgressParserTests
{
    [Fact]
    public void ParseAll_CapturedX264Run_BlocksInOrderEndingWithEnd()
    {
        var blocks = FfmpegProgressParser.ParseAll(TestDataFiles.Read("Progress/x264_4s.txt"));

        Assert.Equal(7, blocks.Count);
        Assert.Equal(46440, blocks[0].OutTimeMicroseconds);
        Assert.Equal(1, blocks[0].Frame);
        Assert.False(blocks[0].IsEnd);
        Assert.True(blocks[^1].IsEnd);
        Assert.Equal(100, blocks[^1].Frame);
        Assert.Equal(4017052, blocks[^1].OutTimeMicroseconds);
        Assert.True(blocks.Zip(blocks.Skip(1)).All(p => p.Second.OutTimeMicroseconds >= p.First.OutTimeMicroseconds));
    }

    [Fact]
    public void PercentOf_CapturedRun_MonotonicTo100()
    {
        var blocks = FfmpegProgressParser.ParseAll(TestDataFiles.Read("Progress/x264_4s.txt"));
        var percents = blocks.Select(b => b.PercentOf(TimeSpan.FromSeconds(4))).ToList();

        Assert.InRange(percents[0], 1.1, 1.2);
        Assert.Equal(100, percents[^1]);
        Assert.Equal(percents.Order(), percents);
    }

    [Fact]
    public void ParseAll_CapturedEmptyRun_NoTimeYetAndSizeAdvances()
    {
        var blocks = FfmpegProgressParser.ParseAll(TestDataFiles.Read("Progress/na_start.txt"));

        Assert.Equal(2, blocks.Count);
        Assert.Equal(0, blocks[0].PercentOf(TimeSpan.FromSeconds(4)));
        Assert.True(blocks[1].AdvancedSince(blocks[0]));
    }

    [Fact]
    public void Feed_NotAvailableValues_AreNull()
    {
        var parser = new FfmpegProgressParser();
        Assert.Null(parser.Feed("out_time_us=N/A"));
        Assert.Null(parser.Feed("speed=N/A"));
        var block = parser.Feed("progress=continue")!;

        Assert.Null(block.OutTimeMicroseconds);
        Assert.Null(block.Speed);
        Assert.False(block.IsEnd);
    }

    [Fact]
    public void AdvancedSince_SameNumbers_IsNotProgress()
    {
        var a = new FfmpegProgress { Frame = 10, OutTimeMicroseconds = 400_000, TotalSize = 1000 };
        Assert.False(a.AdvancedSince(a with { Speed = 2 }));
        Assert.True((a with { OutTimeMicroseconds = 440_000 }).AdvancedSince(a));
    }
}
