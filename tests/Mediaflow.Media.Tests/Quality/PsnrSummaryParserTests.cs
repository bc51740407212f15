using Mediaflow.Media.Quality;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Quality;

/// <summary>The psnr filter's summary line, from captured ffmpeg 5.1 stderr (TestData/Quality).</summary>
public class PsnrSummaryParserTests
{
    private static string[] Lines(string file) => TestDataFiles.Read("Quality/" + file).Split('\n');

    [Fact]
    public void ParseLast_CapturedSsimAndPsnrRun_PsnrPlanesAverageMinMax()
    {
        var lines = Lines("ssim-psnr-30k.log");
        Assert.Equal(new PsnrSummary(26.329670, 27.255882, 24.854947, 26.178673, 25.304738, 28.049526), PsnrSummaryParser.ParseLast(lines));
        Assert.Equal(0.851788, SsimSummaryParser.ParseLast(lines)!.All);
    }

    [Fact]
    public void ParseLast_CapturedIdenticalInputs_Infinite() =>
        Assert.Equal(double.PositiveInfinity, PsnrSummaryParser.ParseLast(Lines("psnr-identical.log"))!.Average);

    [Theory]
    [InlineData("[Parsed_ssim_3 @ 0x0] SSIM Y:0.675608 (4.889298) U:0.746050 (5.952525) V:0.765879 (6.305595) All:0.702394 (5.263576)")]
    [InlineData("frame=   50 fps=0.0 q=-0.0 Lsize=N/A time=00:00:02.00 bitrate=N/A speed=21.8x")]
    [InlineData("")]
    public void Parse_OtherLines_Null(string line) => Assert.Null(PsnrSummaryParser.Parse(line));
}
