using Mediaflow.Media.Streaming;

namespace Mediaflow.Media.Tests.Streaming;

public sealed class HlsMasterPlaylistTests
{
    // Shape of a playlist ffmpeg 7 writes with -hls_segment_type fmp4 and a key info file (segment names already final).
    private const string Fmp4Playlist = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-TARGETDURATION:2
        #EXT-X-MEDIA-SEQUENCE:0
        #EXT-X-PLAYLIST-TYPE:VOD
        #EXT-X-MAP:URI="a_init.mp4"
        #EXT-X-KEY:METHOD=AES-128,URI="https://keys.example/k",IV=0x00000000000000000000000000000000
        #EXTINF:2.000000,
        a_0.m4s
        #EXTINF:2.000000,
        a_1.m4s
        #EXTINF:0.500000,
        a_2.m4s
        #EXT-X-ENDLIST

        """;

    [Fact]
    public void Measure_InitCountedWithTheFirstSegment_PeakAndAverage()
    {
        var sizes = new Dictionary<string, long> { ["a_init.mp4"] = 1000, ["a_0.m4s"] = 49000, ["a_1.m4s"] = 40000, ["a_2.m4s"] = 15000 };

        var (peak, average, duration) = HlsMasterPlaylist.Measure(Fmp4Playlist, uri => sizes[uri]);

        // Segment rates: (1000 + 49000) × 8 / 2 = 200000, 160000, 15000 × 8 / 0.5 = 240000 → peak 240000.
        Assert.Equal(240000, peak);
        // 105000 bytes × 8 / 4.5 s = 186666.67 → rounded up.
        Assert.Equal(186667, average);
        Assert.Equal(4.5, duration, 6);
    }

    [Fact]
    public void Measure_NoSegments_Throws() =>
        Assert.Throws<FormatException>(() => HlsMasterPlaylist.Measure("#EXTM3U\n#EXT-X-ENDLIST\n", _ => 0));

    [Fact]
    public void Render_VideoAndAudioOnly_StreamInfPerVariant()
    {
        var text = HlsMasterPlaylist.Render(
            [new HlsVariant("v_0.m3u8", 900, 700, 640, 360, 4), new HlsVariant("v_1.m3u8", 90, 70, 0, 0, 4)], fmp4: false);

        Assert.Equal(
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=900,AVERAGE-BANDWIDTH=700,RESOLUTION=640x360\nv_0.m3u8\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=90,AVERAGE-BANDWIDTH=70\nv_1.m3u8\n",
            text);
    }

    [Fact]
    public void Render_Subtitles_MediaGroupAndSubtitlesOnEveryVariant()
    {
        var text = HlsMasterPlaylist.Render(
            [new HlsVariant("v_0.m3u8", 900, 700, 640, 360, 4), new HlsVariant("v_1.m3u8", 90, 70, 0, 0, 4)], fmp4: true,
            [new HlsSubtitleRendition("v_2.m3u8", "English \"CC\"", "en", Default: false), new HlsSubtitleRendition("v_3.m3u8", "Deutsch", "de", Default: true),
             new HlsSubtitleRendition("v_4.m3u8", "Other", null, Default: true)]);

        Assert.Equal(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n"
            + "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English 'CC'\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=YES,URI=\"v_2.m3u8\"\n"
            + "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Deutsch\",LANGUAGE=\"de\",DEFAULT=YES,AUTOSELECT=YES,URI=\"v_3.m3u8\"\n"
            + "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Other\",DEFAULT=NO,AUTOSELECT=YES,URI=\"v_4.m3u8\"\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=900,AVERAGE-BANDWIDTH=700,RESOLUTION=640x360,SUBTITLES=\"subs\"\nv_0.m3u8\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=90,AVERAGE-BANDWIDTH=70,SUBTITLES=\"subs\"\nv_1.m3u8\n",
            text);
    }
}
