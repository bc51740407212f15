using Mediaflow.Media.QualityControl.Format;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl.Format;

/// <summary>
/// The pure HLS helpers: playlist references, rewriting and key resolution; a segment summary from captured ffprobe
/// output (TestData/QualityControl/ffprobe-hls-segment.txt: the third 2 s segment of an ffmpeg H.264/AAC rendition, made
/// with FormatInspector's segment arguments); the boundary rules on summaries.
/// </summary>
public sealed class HlsSegmentCheckerTests
{
    private const string Master =
        "#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"en\",URI=\"audio/en.m3u8\"\n"
        + "#EXT-X-STREAM-INF:BANDWIDTH=800000,AUDIO=\"a\"\nlow/v.m3u8?token=1\n#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=1,URI=\"iframe.m3u8\"\n";

    private const string Media =
        "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:2\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:2.0,\nseg0.m4s\n"
        + "#EXTINF:1.5,\nseg1.m4s\n#EXT-X-DISCONTINUITY\n#EXTINF:2.0,\nseg2.m4s\n#EXT-X-ENDLIST\n";

    [Fact]
    public void References_Master_VariantsAndRenditionsNotIframePlaylists() =>
        Assert.Equal(
            [new HlsReference(HlsReferenceKind.MediaPlaylist, "audio/en.m3u8"), new HlsReference(HlsReferenceKind.MediaPlaylist, "low/v.m3u8?token=1")],
            HlsPlaylistText.References(Master));

    [Fact]
    public void Segments_Media_StartsDiscontinuityAndInitSection()
    {
        var segments = HlsPlaylistText.Segments(Media);
        Assert.Equal(["seg0.m4s", "seg1.m4s", "seg2.m4s"], segments.Select(s => s.Uri));
        Assert.Equal([0, 2, 3.5], segments.Select(s => s.Start));
        Assert.Equal([false, false, true], segments.Select(s => s.Discontinuity));
        Assert.All(segments, s => Assert.Equal("init.mp4", s.InitSection));
    }

    [Fact]
    public void Rewrite_RenamesOnlyReferences()
    {
        var rewritten = HlsPlaylistText.Rewrite(Media, (kind, uri) => kind == HlsReferenceKind.InitSection ? "i.mp4" : "s-" + uri);
        Assert.Equal(Media.Replace("init.mp4", "i.mp4", StringComparison.Ordinal).Replace("\nseg", "\ns-seg", StringComparison.Ordinal), rewritten);
        var master = HlsPlaylistText.Rewrite(Master, (_, uri) => "p.m3u8");
        Assert.Contains("URI=\"p.m3u8\"\n#EXT-X-STREAM-INF:BANDWIDTH=800000,AUDIO=\"a\"\np.m3u8\n", master, StringComparison.Ordinal);
        Assert.Contains("URI=\"iframe.m3u8\"", master, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hls/a/live.m3u8", "seg0.ts", "hls/a/seg0.ts")]
    [InlineData("hls/a/live.m3u8", "../b/seg%201.ts?x=1", "hls/b/seg 1.ts")]
    [InlineData("live.m3u8", "./v/seg0.ts", "v/seg0.ts")]
    public void ResolveKey_Relative_AgainstPlaylistKey(string playlist, string uri, string expected)
    {
        Assert.Equal(expected, HlsPlaylistText.ResolveKey(playlist, uri, out var problem));
        Assert.Equal("", problem);
    }

    [Theory]
    [InlineData("live.m3u8", "../seg0.ts", "above the bucket root")]
    [InlineData("a/live.m3u8", "../../seg0.ts", "above the bucket root")]
    [InlineData("live.m3u8", "https://cdn.example.com/seg0.ts", "absolute URL")]
    [InlineData("live.m3u8", "//cdn.example.com/seg0.ts", "another host")]
    [InlineData("live.m3u8", "/other/seg0.ts", "absolute path")]
    public void ResolveKey_OutsideTheBucketOrAbsolute_Refused(string playlist, string uri, string reason)
    {
        Assert.Null(HlsPlaylistText.ResolveKey(playlist, uri, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_CapturedTsSegment_StreamsOnceAndTheirSpans()
    {
        var reader = new FfprobeCompactReader();
        var records = TestDataFiles.Read("QualityControl/ffprobe-hls-segment.txt").Split('\n').Select(reader.Feed).Append(reader.Flush()).OfType<FfprobeRecord>();
        var summary = HlsSegmentChecker.Summarize(4, false, records);

        Assert.Equal(2, summary.StreamCount);
        var video = summary.Streams.Single(s => s.CodecType == "video");
        Assert.Equal((0, 5.423222, 7.383222, 5.423222, 7.383222, 0.04), (video.Ordinal, video.MinPts!.Value, video.MaxPts!.Value, video.FirstDts!.Value, video.LastDts!.Value, video.LastDuration));
        var audio = summary.Streams.Single(s => s.CodecType == "audio");
        Assert.Equal((0, 5.440278, 7.413978), (audio.Ordinal, audio.MinPts!.Value, audio.MaxPts!.Value));
        Assert.Equal(0.023211, audio.LastDuration, 6);
    }

    private static HlsSegmentSummary Segment(double start, double first, double last, bool discontinuity = false, double dtsShift = 0, bool audio = true) =>
        new(start, discontinuity, audio ? 2 : 1,
        [
            new HlsStreamSpan("video", 0, first, last, first + dtsShift, last + dtsShift, 0.04),
            .. audio ? (HlsStreamSpan[])[new HlsStreamSpan("audio", 0, first, last + 0.017, first, last + 0.017, 0.023)] : [],
        ]);

    [Fact]
    public void Check_ContinuousSegments_Nothing() =>
        Assert.Empty(HlsSegmentChecker.Check([[Segment(0, 1.4, 3.36), Segment(2, 3.4, 5.36), Segment(4, 5.4, 7.36)]], HlsSegmentChecker.DefaultThresholdSeconds));

    [Fact]
    public void Check_ShiftedMiddleSegment_PtsAndDtsAtBothBoundaries()
    {
        var found = HlsSegmentChecker.Check([[Segment(0, 1.4, 3.36), Segment(2, 3.9, 5.86), Segment(4, 5.4, 7.36)]], 0.1);
        Assert.Equal([HlsSegmentChecker.PtsDeviation, HlsSegmentChecker.DtsDeviation], found.Select(d => d.Type));
        Assert.All(found, d => Assert.Equal([2.0, 4.0], d.Timestamps));
        Assert.All(found, d => Assert.Equal("Warning", d.SeverityLevel));
        Assert.Empty(HlsSegmentChecker.Check([[Segment(0, 1.4, 3.36), Segment(2, 3.9, 5.86), Segment(4, 5.4, 7.36)]], 0.6));
    }

    [Fact]
    public void Check_DtsOnlyShift_DtsOnly()
    {
        var found = Assert.Single(HlsSegmentChecker.Check([[Segment(0, 1.4, 3.36), Segment(2, 3.4, 5.36, dtsShift: -0.5), Segment(4, 5.4, 7.36)]], 0.1));
        Assert.Equal(HlsSegmentChecker.DtsDeviation, found.Type);
    }

    [Fact]
    public void Check_StreamDropsOut_StreamNumChangeAtBothBoundaries()
    {
        var found = Assert.Single(HlsSegmentChecker.Check([[Segment(0, 1.4, 3.36), Segment(2, 3.4, 5.36, audio: false), Segment(4, 5.4, 7.36)]], 0.1));
        Assert.Equal((HlsSegmentChecker.StreamNumChange, "Error"), (found.Type, found.SeverityLevel));
        Assert.Equal([2.0, 4.0], found.Timestamps);
    }

    [Fact]
    public void Check_AfterDiscontinuity_NotJudged() =>
        Assert.Empty(HlsSegmentChecker.Check([[Segment(0, 1.4, 3.36), Segment(2, 0, 1.96, discontinuity: true, audio: false)]], 0.1));
}
