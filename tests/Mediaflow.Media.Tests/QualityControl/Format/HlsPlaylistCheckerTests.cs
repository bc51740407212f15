using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Format;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl.Format;

/// <summary>The HLS items on playlists ffmpeg's HLS muxer writes (clean), and on edited copies (one defect each).</summary>
public sealed class HlsPlaylistCheckerTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>A 4 s VOD rendition in 1 s segments plus a master playlist naming it.</summary>
    private async Task<(string Master, string Media)> LadderAsync()
    {
        await TestMedia.GenerateAsync(dir.Path, "v%v.m3u8",
        [
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=4", "-map", "0:v", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
            "-b:v", "300k", "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-master_pl_name", "master.m3u8", "-var_stream_map", "v:0",
        ]);
        return (Path.Combine(dir.Path, "master.m3u8"), Path.Combine(dir.Path, "v0.m3u8"));
    }

    private static string[] Types(IReadOnlyList<QcDiagnosis> found) => [.. found.Select(d => d.Type)];

    [Fact]
    public async Task CheckFile_FfmpegVodPlaylistAndItsMaster_NoDiagnosis()
    {
        var (master, media) = await LadderAsync();
        Assert.Empty(HlsPlaylistChecker.CheckFile(media));
        Assert.Empty(HlsPlaylistChecker.CheckFile(master));
    }

    [Fact]
    public async Task CheckFile_DiscontinuityBeforeThirdSegment_DiscontinuityAtTwoSeconds()
    {
        var (_, media) = await LadderAsync();
        var lines = (await File.ReadAllLinesAsync(media)).ToList();
        var third = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("#EXTINF", StringComparison.Ordinal)).ElementAt(2).i;
        lines.Insert(third, "#EXT-X-DISCONTINUITY");
        await File.WriteAllLinesAsync(media, lines);

        var found = Assert.Single(HlsPlaylistChecker.CheckFile(media));
        Assert.Equal("HLSMediaM3u8DiscontinuityExist", found.Type);
        Assert.Equal("Warning", found.SeverityLevel);
        Assert.Equal(2, found.Timestamps.Single(), 1);
    }

    [Fact]
    public async Task CheckFile_NoTargetDuration_InvalidMedia()
    {
        var (_, media) = await LadderAsync();
        await File.WriteAllLinesAsync(media, (await File.ReadAllLinesAsync(media)).Where(l => !l.StartsWith("#EXT-X-TARGETDURATION", StringComparison.Ordinal)));
        Assert.Equal(["HLSInvalidMediaM3u8"], Types(HlsPlaylistChecker.CheckFile(media)));
    }

    [Fact]
    public async Task CheckFile_SegmentLongerThanTarget_InvalidMedia()
    {
        var (_, media) = await LadderAsync();
        var text = await File.ReadAllTextAsync(media);
        var target = text.Split('\n').Single(l => l.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal));
        await File.WriteAllTextAsync(media, text.Replace(target, "#EXT-X-TARGETDURATION:0", StringComparison.Ordinal));
        Assert.Equal(["HLSInvalidMediaM3u8"], Types(HlsPlaylistChecker.CheckFile(media)));
    }

    [Fact]
    public async Task CheckFile_MissingHeader_BadFormat()
    {
        var (_, media) = await LadderAsync();
        await File.WriteAllLinesAsync(media, (await File.ReadAllLinesAsync(media)).Skip(1));
        Assert.Equal(["HLSBadM3u8Format"], Types(HlsPlaylistChecker.CheckFile(media)));
    }

    [Fact]
    public async Task CheckFile_VariantWithoutBandwidth_InvalidMaster()
    {
        var (master, _) = await LadderAsync();
        var lines = (await File.ReadAllLinesAsync(master)).Select(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)
            ? "#EXT-X-STREAM-INF:" + string.Join(',', l["#EXT-X-STREAM-INF:".Length..].Split(',').Where(a => !a.StartsWith("BANDWIDTH=", StringComparison.Ordinal)))
            : l);
        await File.WriteAllLinesAsync(master, lines);
        Assert.Equal(["HLSInvalidMasterM3u8"], Types(HlsPlaylistChecker.CheckFile(master)));
    }

    [Fact]
    public void Check_VariantWithoutCodecs_MasterRecommended() =>
        Assert.Equal(["HLSMasterM3u8Recommended"], Types(HlsPlaylistChecker.Check("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=320x180\nv.m3u8\n")));

    [Fact]
    public void Check_NoVersionNoEndList_MediaRecommended() =>
        Assert.Equal(["HLSMediaM3u8Recommended"], Types(HlsPlaylistChecker.Check("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\na.ts\n")));

    [Fact]
    public async Task Inspect_PlaylistInput_RoutesToThePlaylistCheckAndFiltersItems()
    {
        var (_, media) = await LadderAsync();
        await File.AppendAllTextAsync(media, "#EXT-X-DISCONTINUITY\n");
        await using var services = new MediaServices();
        var inspector = new FormatInspector(services.Options, services.Runner);
        var report = await inspector.InspectAsync(
            new QcInspection(media, new ProbeResult(), [new QcItemRequest("HLSMediaM3u8DiscontinuityExist")], dir.Path), new Progress<double>(), CancellationToken.None);
        Assert.Equal(["HLSMediaM3u8DiscontinuityExist"], Types(report.Diagnoses));
        var none = await inspector.InspectAsync(
            new QcInspection(media, new ProbeResult(), [new QcItemRequest("HLSBadM3u8Format")], dir.Path), new Progress<double>(), CancellationToken.None);
        Assert.Empty(none.Diagnoses);
    }
}
