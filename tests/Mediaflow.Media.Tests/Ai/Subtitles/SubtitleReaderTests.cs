using Mediaflow.Media.Ai.Subtitles;

namespace Mediaflow.Media.Tests.Ai.Subtitles;

public sealed class SubtitleReaderTests
{
    [Fact]
    public void Parse_Srt_NumberedCuesWithCommaTimes()
    {
        const string srt = "\uFEFF1\r\n00:00:00,500 --> 00:00:02,250\r\nHello <i>there</i>\r\nsecond line\r\n\r\n2\r\n01:02:03,004 --> 01:02:04,000\r\n{\\an8}Tom &amp; Jerry\r\n";

        var cues = SubtitleReader.Parse(srt);

        Assert.Equal(
            [new SubtitleCue(0.5, 2.25, "Hello there\nsecond line"), new SubtitleCue(3723.004, 3724, "Tom & Jerry")],
            cues);
    }

    [Fact]
    public void Parse_WebVtt_SkipsHeaderNotesAndSettings()
    {
        const string vtt = """
            WEBVTT - a title
            X-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000

            NOTE a comment
            with two lines

            STYLE
            ::cue { color: yellow }

            intro
            00:01.000 --> 00:03.500 align:start position:10%
            <c.loud>A &lt; B</c>

            00:00:04.000 --> 00:00:03.000
            ends before it starts

            00:00:05.000 --> 00:00:06.000
            last
            """;

        var cues = SubtitleReader.Parse(vtt);

        Assert.Equal([new SubtitleCue(1, 3.5, "A < B"), new SubtitleCue(5, 6, "last")], cues);
    }

    [Fact]
    public void Parse_WhatTheWriterWrote_SameCues()
    {
        IReadOnlyList<SubtitleCue> cues = [new(0, 1.5, "one & <two>"), new(2.001, 3, "a\nb"), new(59.999, 3600.5, "long")];

        Assert.Equal(cues, SubtitleReader.Parse(SubtitleWriter.WriteVtt(cues)));
        // SubRip has no escapes: "<two>" would be markup there, so its round trip is of plain text.
        IReadOnlyList<SubtitleCue> plain = [.. cues.Select(c => c with { Text = c.Text.Replace(" <two>", " two", StringComparison.Ordinal) })];
        Assert.Equal(plain, SubtitleReader.Parse(SubtitleWriter.WriteSrt(plain)));
    }

    [Fact]
    public void Parse_NoTimingLine_NoCue() =>
        Assert.Empty(SubtitleReader.Parse("WEBVTT\n\njust text\n"));
}
