using Mediaflow.Media.Ai.Subtitles;
using Mediaflow.Media.Streaming;

namespace Mediaflow.Media.Tests.Streaming;

public sealed class WebVttSegmenterTests
{
    [Fact]
    public void Segment_CueAcrossABoundary_RepeatedInBothWithItsMediaTimes()
    {
        IReadOnlyList<SubtitleCue> cues = [new(0.2, 1.0, "first"), new(1.5, 2.5, "across"), new(3.0, 3.9, "third"), new(7.0, 8.0, "after the end")];

        var segments = WebVttSegmenter.Segment(cues, [2.0, 2.0], 133200);

        Assert.Equal(2, segments.Count);
        Assert.Equal((0.0, 2.0), (segments[0].Start, segments[0].Duration));
        Assert.Equal((2.0, 2.0), (segments[1].Start, segments[1].Duration));
        Assert.All(segments, s => Assert.StartsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:133200,LOCAL:00:00:00.000\n\n", s.Text, StringComparison.Ordinal));
        Assert.Equal([new SubtitleCue(0.2, 1.0, "first"), new SubtitleCue(1.5, 2.5, "across")], SubtitleReader.Parse(segments[0].Text));
        Assert.Equal([new SubtitleCue(1.5, 2.5, "across"), new SubtitleCue(3.0, 3.9, "third")], SubtitleReader.Parse(segments[1].Text));
    }

    [Fact]
    public void Segment_CueEndingOnABoundary_OnlyInTheSegmentBefore()
    {
        var segments = WebVttSegmenter.Segment([new SubtitleCue(1.0, 2.0, "edge")], [2.0, 2.0], 0);

        Assert.Single(SubtitleReader.Parse(segments[0].Text));
        Assert.Empty(SubtitleReader.Parse(segments[1].Text));
        Assert.Equal("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n", segments[1].Text);
    }

    [Fact]
    public void Playlist_OneExtinfPerSegment_TargetIsTheLongestRounded()
    {
        var segments = WebVttSegmenter.Segment([], [2.0, 2.48, 0.52], 0);

        var playlist = WebVttSegmenter.Playlist(segments, ["s_0.vtt", "s_1.vtt", "s_2.vtt"]);

        Assert.Equal("""
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXTINF:2.000000,
            s_0.vtt
            #EXTINF:2.480000,
            s_1.vtt
            #EXTINF:0.520000,
            s_2.vtt
            #EXT-X-ENDLIST

            """.ReplaceLineEndings("\n"), playlist);
        Assert.Equal([2.0, 2.48, 0.52], WebVttSegmenter.Durations(playlist));
    }

    [Fact]
    public void Playlist_UrisDoNotMatchSegments_Throws() =>
        Assert.Throws<ArgumentException>(() => WebVttSegmenter.Playlist(WebVttSegmenter.Segment([], [2.0], 0), []));

    [Theory]
    [InlineData(1.48, 133200)]
    [InlineData(0.08, 7200)]
    [InlineData(0, 0)]
    public void MpegTs_Seconds_On90kHz(double seconds, long expected) =>
        Assert.Equal(expected, WebVttSegmenter.MpegTs(seconds));

    // ffprobe -show_entries stream=codec_type,start_time -of json on a ts media playlist (video + audio), as captured.
    private const string ProbeJson = """
        {
            "programs": [
                {
                    "streams": [
                        { "codec_type": "video", "start_time": "1.480000" },
                        { "codec_type": "audio", "start_time": "1.456778" }
                    ]
                }
            ],
            "streams": [
                { "codec_type": "audio", "start_time": "1.456778" },
                { "codec_type": "video", "start_time": "1.480000" }
            ]
        }
        """;

    [Fact]
    public void FirstPresentationTime_VideoAndAudio_TheVideos() =>
        Assert.Equal(1.48, FirstPresentationTime.Parse(ProbeJson));

    [Fact]
    public void FirstPresentationTime_AudioOnly_TheAudios() =>
        Assert.Equal(1.456778, FirstPresentationTime.Parse("""{"streams":[{"codec_type":"audio","start_time":"1.456778"}]}"""));

    [Fact]
    public void FirstPresentationTime_NoStartTime_FormatException() =>
        Assert.Throws<FormatException>(() => FirstPresentationTime.Parse("""{"streams":[{"codec_type":"video"}]}"""));
}
