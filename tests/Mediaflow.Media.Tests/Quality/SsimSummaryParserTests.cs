using Mediaflow.Media.Quality;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Quality;

/// <summary>The ssim filter's summary line, from captured ffmpeg 5.1 stderr (TestData/Quality).</summary>
public class SsimSummaryParserTests
{
    private static string[] Lines(string file) => TestDataFiles.Read("Quality/" + file).Split('\n');

    [Fact]
    public void ParseLast_CapturedLowQualityRun_PlaneAndOverallMeans()
    {
        var summary = SsimSummaryParser.ParseLast(Lines("ssim-noisy-300k.log"));
        Assert.Equal(new SsimSummary(0.675608, 0.746050, 0.765879, 0.702394), summary);
    }

    [Fact]
    public void ParseLast_CapturedIdenticalInputs_OnesWithInfiniteDecibels()
    {
        var summary = SsimSummaryParser.ParseLast(Lines("ssim-identical.log"));
        Assert.Equal(new SsimSummary(1, 1, 1, 1), summary);
    }

    [Theory]
    [InlineData("frame=  100 fps=0.0 q=-0.0 Lsize=N/A time=00:00:04.01 bitrate=N/A speed=21.8x")]
    [InlineData("[Parsed_psnr_2 @ 0x55] PSNR y:30.1 u:35.2 v:35.9 average:31.4 min:29.0 max:33.3")]
    [InlineData("")]
    public void Parse_OtherLines_Null(string line) => Assert.Null(SsimSummaryParser.Parse(line));

    [Fact]
    public void ParseLast_NoSummary_Null() => Assert.Null(SsimSummaryParser.ParseLast(["Input #0, lavfi", "Output #0, null"]));
}
