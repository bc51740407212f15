using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

public class OutputPathsTests
{
    private static OutputPathVariables Vars(string inputKey = "input/movie.mov", string format = "mp4", long definition = 100010) =>
        OutputPathVariables.ForInput(inputKey, format, definition);

    [Fact]
    public void ObjectKey_DefaultTranscodePattern_InputNameTranscodeDefinitionFormat() =>
        Assert.Equal("output/movie_transcode_100010.mp4", OutputPaths.ObjectKey("/output/", null, OutputPaths.TranscodePattern, Vars()));

    [Fact]
    public void ObjectKey_EmptyOutputObjectPath_UsesDefaultPattern() =>
        Assert.Equal("output/movie_transcode_100010.mp4", OutputPaths.ObjectKey("/output/", "", OutputPaths.TranscodePattern, Vars()));

    [Fact]
    public void ObjectKey_SegmentPattern_RendersNumber() =>
        Assert.Equal("output/movie_transcode_100210_7.ts",
            OutputPaths.ObjectKey("/output/", null, OutputPaths.TranscodeSegmentPattern, Vars(format: "ts", definition: 100210) with { Number = "7" }));

    [Fact]
    public void ObjectKey_RelativeOutputObjectPath_UnderDirectory() =>
        Assert.Equal("output/hd/movie.mp4", OutputPaths.ObjectKey("/output/", "hd/{inputName}.{format}", OutputPaths.TranscodePattern, Vars()));

    [Fact]
    public void ObjectKey_AbsoluteOutputObjectPath_IgnoresDirectory() =>
        Assert.Equal("abs/movie_100010.mp4", OutputPaths.ObjectKey("/output/", "/abs/{inputName}_{definition}.{format}", OutputPaths.TranscodePattern, Vars()));

    [Fact]
    public void ObjectKey_RootDirectory_NoLeadingSlashInKey() =>
        Assert.Equal("movie_transcode_100010.mp4", OutputPaths.ObjectKey("/", null, OutputPaths.TranscodePattern, Vars()));

    [Fact]
    public void ObjectKey_LiteralOutputObjectPath_Verbatim() =>
        Assert.Equal("output/fixed name.mp4", OutputPaths.ObjectKey("/output/", "fixed name.mp4", OutputPaths.TranscodePattern, Vars()));

    [Fact]
    public void ObjectKey_EveryVariable_Rendered() =>
        Assert.Equal("o/movie-mov-m3u8-100210-003.m3u8",
            OutputPaths.ObjectKey("/o/", "{inputName}-{inputFormat}-{format}-{definition}-{number}.{format}", OutputPaths.TranscodePattern,
                Vars(format: "m3u8", definition: 100210) with { Number = "003" }));

    [Fact]
    public void ObjectKey_NumberAbsent_RendersEmpty() =>
        Assert.Equal("o/movie_.mp4", OutputPaths.ObjectKey("/o/", "{inputName}_{number}.{format}", OutputPaths.TranscodePattern, Vars()));

    [Fact]
    public void ObjectKey_UnknownVariable_LeftAsWritten() =>
        Assert.Equal("o/movie_{rand}.mp4", OutputPaths.ObjectKey("/o/", "{inputName}_{rand}.{format}", OutputPaths.TranscodePattern, Vars()));

    [Fact]
    public void ObjectKey_UnicodeAndSpacesInInputName_Kept() =>
        Assert.Equal("输出/我的 视频 (1)_transcode_10.mp4",
            OutputPaths.ObjectKey("/输出/", null, OutputPaths.TranscodePattern, Vars("输入/我的 视频 (1).MOV", definition: 10)));

    [Theory]
    [InlineData("/output/", "input/a.mp4", "/output/")]
    [InlineData(null, "input/sub/a.mp4", "/input/sub/")]
    [InlineData("", "input/a.mp4", "/input/")]
    [InlineData(null, "a.mp4", "/")]
    [InlineData(null, "目录 一/a b.mp4", "/目录 一/")]
    public void Directory_OutputDirElseInputDirectory(string? outputDir, string inputKey, string expected) =>
        Assert.Equal(expected, OutputPaths.Directory(outputDir, inputKey));

    [Fact]
    public void ObjectKey_OutputDirAbsent_WritesNextToTheInput() =>
        Assert.Equal("input/sub/movie_transcode_100010.mp4",
            OutputPaths.ObjectKey(OutputPaths.Directory(null, "input/sub/movie.mov"), null, OutputPaths.TranscodePattern, Vars("input/sub/movie.mov")));

    [Fact]
    public void ObjectKey_OutputDirAbsentInputAtRoot_WritesAtRoot() =>
        Assert.Equal("movie_transcode_100010.mp4",
            OutputPaths.ObjectKey(OutputPaths.Directory(null, "movie.mov"), null, OutputPaths.TranscodePattern, Vars("movie.mov")));

    [Fact]
    public void WirePath_AddsLeadingSlash() => Assert.Equal("/output/a.mp4", OutputPaths.WirePath("output/a.mp4"));

    [Theory]
    [InlineData("input/movie.mov", "movie", "mov")]
    [InlineData("movie.MOV", "movie", "MOV")]
    [InlineData("a/b.c.d.mp4", "b.c.d", "mp4")]
    [InlineData("a/noext", "noext", "")]
    [InlineData("a/.hidden", ".hidden", "")]
    [InlineData("a.b/noext", "noext", "")]
    [InlineData("a/trailing.", "trailing", "")]
    public void ForInput_SplitsFileNameAndExtension(string key, string name, string format)
    {
        var variables = OutputPathVariables.ForInput(key, "mp4", 10);
        Assert.Equal(name, variables.InputName);
        Assert.Equal(format, variables.InputFormat);
        Assert.Equal("mp4", variables.Format);
        Assert.Equal(10, variables.Definition);
        Assert.Null(variables.Number);
    }

    [Theory]
    [InlineData("input/{format}.mov", "out/{format}_transcode_10.mp4")]
    [InlineData("input/{definition}.mov", "out/{definition}_transcode_10.mp4")]
    [InlineData("input/a{number}b.mov", "out/a{number}b_transcode_10.mp4")]
    [InlineData("input/{inputFormat}.mov", "out/{inputFormat}_transcode_10.mp4")]
    public void ObjectKey_InputNameContainingAVariable_IsNotExpandedAgain(string inputKey, string expected) =>
        Assert.Equal(expected, OutputPaths.ObjectKey("/out/", null, OutputPaths.TranscodePattern, Vars(inputKey, definition: 10)));

    [Fact]
    public void ObjectKey_InputsDifferingOnlyByAVariableName_GetDifferentKeys() =>
        Assert.NotEqual(
            OutputPaths.ObjectKey("/out/", null, OutputPaths.TranscodePattern, Vars("in/a{number}b.mov")),
            OutputPaths.ObjectKey("/out/", null, OutputPaths.TranscodePattern, Vars("in/ab.mov")));
}
