using Mediaflow.Media.Ai.Subtitles;

namespace Mediaflow.Media.Tests.Ai.Subtitles;

public sealed class SubtitleWriterTests
{
    private static readonly SubtitleCue[] Cues = [new(0.5, 1.8, "hello world"), new(3661.0015, 3662.25, "two\nlines")];

    [Fact]
    public void WriteSrt_Cues_NumberedWithCommaMilliseconds()
    {
        Assert.Equal("1\n00:00:00,500 --> 00:00:01,800\nhello world\n\n2\n01:01:01,002 --> 01:01:02,250\ntwo\nlines\n\n", SubtitleWriter.WriteSrt(Cues));
    }

    [Fact]
    public void WriteVtt_Cues_HeaderAndDotMilliseconds()
    {
        Assert.Equal("WEBVTT\n\n00:00:00.500 --> 00:00:01.800\nhello world\n\n01:01:01.002 --> 01:01:02.250\ntwo\nlines\n\n", SubtitleWriter.WriteVtt(Cues));
    }

    [Fact]
    public void WriteVtt_ReservedCharacters_Escaped() =>
        Assert.Equal("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na &lt;b> &amp; c --&gt; d\n\n", SubtitleWriter.WriteVtt([new SubtitleCue(1, 2, "a <b> & c --> d")]));

    [Fact]
    public void Write_BlankLinesAndEmptyCues_DroppedSoNoCueEndsEarly()
    {
        var srt = SubtitleWriter.WriteSrt([new SubtitleCue(0, 1, "a\n\n b "), new SubtitleCue(1, 2, " \n "), new SubtitleCue(2, 3, "c")]);

        Assert.Equal("1\n00:00:00,000 --> 00:00:01,000\na\nb\n\n2\n00:00:02,000 --> 00:00:03,000\nc\n\n", srt);
    }

    [Theory]
    [InlineData(0, ',', "00:00:00,000")]
    [InlineData(-1, ',', "00:00:00,000")]
    [InlineData(59.9996, '.', "00:01:00.000")]
    [InlineData(36000.123, '.', "10:00:00.123")]
    public void Time_Seconds_FormattedToTheMillisecond(double seconds, char separator, string expected) =>
        Assert.Equal(expected, SubtitleWriter.Time(seconds, separator));

    [Fact]
    public void ContentType_Formats() =>
        Assert.Equal(("text/vtt", "application/x-subrip"), (SubtitleWriter.ContentType("vtt"), SubtitleWriter.ContentType("srt")));
}
