using Mediaflow.Media.Enhancement;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Enhancement;

/// <summary>Golden files: stderr of real <c>loudnorm=…:print_format=json</c> measure passes (ffmpeg 5.1).</summary>
public class LoudnormLogParserTests
{
    private static string[] Lines(string file) => TestDataFiles.Read($"Enhancement/{file}").Split('\n');

    [Fact]
    public void Parse_MeasurePassLog_ReadsInputStatistics() =>
        Assert.Equal(new LoudnessMeasurement(-41.75, -38.06, 0, -51.75, -0.05), LoudnormLogParser.Parse(Lines("loudnorm-measure.txt")));

    [Fact]
    public void Parse_Silence_IsNothingToNormalise() =>
        Assert.Null(LoudnormLogParser.Parse(Lines("loudnorm-measure-silence.txt")));

    [Fact]
    public void Parse_NoStatistics_Throws()
    {
        Assert.Throws<FormatException>(() => LoudnormLogParser.Parse(["Stream mapping:", "  Stream #0:0 -> #0:0 (pcm_f32le)"]));
        Assert.Throws<FormatException>(() => LoudnormLogParser.Parse(["[Parsed_loudnorm_0 @ 0x1] ", "{", "\t\"input_i\" : \"-20.00\""]));
    }
}
