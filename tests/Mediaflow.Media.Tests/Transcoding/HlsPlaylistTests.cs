using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

public class HlsPlaylistTests
{
    private const string Written = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MAP:URI=\"m_init.mp4\"\n#EXTINF:2.000000,\n.mfseg-00000.m4s\n#EXTINF:1.000000,\n.mfseg-00001.m4s\n#EXT-X-ENDLIST\n";

    [Fact]
    public void Rewrite_SegmentUris_ReplacedByRequestedNames()
    {
        var layout = new HlsLayout(".mfseg-", "m4s", i => $"movie_transcode_100210_{i:D3}.m4s", "m_init.mp4");
        var (playlist, segments) = HlsPlaylist.Rewrite(Written, layout);

        Assert.Equal([(".mfseg-00000.m4s", "movie_transcode_100210_000.m4s"), (".mfseg-00001.m4s", "movie_transcode_100210_001.m4s")], segments);
        Assert.Contains("\nmovie_transcode_100210_001.m4s\n", playlist, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-MAP:URI=\"m_init.mp4\"", playlist, StringComparison.Ordinal);
        Assert.DoesNotContain(".mfseg-", playlist, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_NameFunctionReturningAPath_Refused()
    {
        var layout = new HlsLayout(".mfseg-", "m4s", i => $"../escape_{i}.m4s", null);
        Assert.Throws<ArgumentException>(() => HlsPlaylist.Rewrite(Written, layout));
    }

    [Fact]
    public void Rewrite_DuplicateNames_Refused()
    {
        var layout = new HlsLayout(".mfseg-", "m4s", _ => "same.m4s", null);
        Assert.Throws<InvalidOperationException>(() => HlsPlaylist.Rewrite(Written, layout));
    }
}
