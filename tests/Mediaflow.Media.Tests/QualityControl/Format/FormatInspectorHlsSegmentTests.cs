using Mediaflow.Media.QualityControl;
using Mediaflow.Media.QualityControl.Format;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl.Format;

/// <summary>
/// The HLS segment items on a real rendition: ffmpeg's HLS muxer writes 3 one-second H.264/AAC MPEG-TS segments (clean),
/// then the middle segment is replaced by one with other streams or shifted timestamps.
/// </summary>
public sealed class FormatInspectorHlsSegmentTests : IAsyncDisposable
{
    private static readonly string[] SegmentItems = [.. HlsSegmentChecker.Items];
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    /// <summary>3 s of 25 fps video and a 44.1 kHz tone as <c>{name}.m3u8</c> + <c>{name}{n}.ts</c>; with <paramref name="audio"/> false, video only.</summary>
    private async Task<string> RenditionAsync(string name, bool audio = true)
    {
        await TestMedia.GenerateAsync(dir.Path, name + ".m3u8",
        [
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=3", .. audio ? (string[])["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=3"] : [],
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", .. audio ? (string[])["-c:a", "aac", "-b:a", "64k", "-shortest"] : [],
            "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-hls_segment_filename", Path.Combine(dir.Path, name + "%d.ts"),
        ]);
        return Path.Combine(dir.Path, name + ".m3u8");
    }

    private async Task<IReadOnlyList<QcDiagnosis>> InspectAsync(string playlist, params QcItemRequest[] overrides)
    {
        var inspector = new FormatInspector(media.Options, media.Runner);
        var items = SegmentItems.Select(t => overrides.FirstOrDefault(o => o.Type == t) ?? new QcItemRequest(t)).ToList();
        var report = await inspector.InspectAsync(new QcInspection(playlist, new Mediaflow.Media.Probing.ProbeResult { Container = "hls" }, items, dir.Path), new Progress<double>(), CancellationToken.None);
        return report.Diagnoses;
    }

    /// <summary>Replaces the middle segment by a stream copy of <paramref name="source"/> keeping its timestamps, with extra options.</summary>
    private async Task ReplaceMiddleAsync(string source, params string[] options)
    {
        var copy = await TestMedia.GenerateAsync(dir.Path, "replacement.ts", ["-copyts", "-i", source, "-map", "0", "-c", "copy", .. options, "-muxdelay", "0", "-muxpreload", "0", "-f", "mpegts"]);
        File.Move(copy, Path.Combine(dir.Path, "live1.ts"), overwrite: true);
    }

    private static void At(IReadOnlyList<QcDiagnosis> found, string type, params double[] times)
    {
        var diagnosis = found.SingleOrDefault(d => d.Type == type) ?? throw new Xunit.Sdk.XunitException($"no {type} in [{string.Join(", ", found.Select(d => d.Type))}]");
        Assert.Equal(times.Length, diagnosis.Timestamps.Count);
        Assert.All(times.Zip(diagnosis.Timestamps), p => Assert.InRange(p.Second, p.First - 0.5, p.First + 0.5));
    }

    [Fact]
    public async Task Inspect_CleanRendition_Nothing()
    {
        var playlist = await RenditionAsync("live");
        Assert.Equal(3, HlsPlaylistText.Segments(await File.ReadAllTextAsync(playlist)).Count);
        Assert.Empty(await InspectAsync(playlist));
    }

    [Fact]
    public async Task Inspect_MiddleSegmentWithoutAudio_StreamNumChangeAtOneAndTwoSeconds()
    {
        var playlist = await RenditionAsync("live");
        await RenditionAsync("mute", audio: false);
        File.Copy(Path.Combine(dir.Path, "mute1.ts"), Path.Combine(dir.Path, "live1.ts"), overwrite: true);

        var found = await InspectAsync(playlist);
        Assert.Equal([HlsSegmentChecker.StreamNumChange], found.Select(d => d.Type));
        At(found, HlsSegmentChecker.StreamNumChange, 1, 2);
    }

    [Fact]
    public async Task Inspect_MiddleSegmentShiftedHalfASecond_PtsAndDtsDeviationAtOneAndTwoSeconds()
    {
        var playlist = await RenditionAsync("live");
        await ReplaceMiddleAsync(Path.Combine(dir.Path, "live1.ts"), "-bsf:v", "setts=ts=TS+45000", "-bsf:a", "setts=ts=TS+45000");

        var found = await InspectAsync(playlist);
        Assert.Equal([HlsSegmentChecker.PtsDeviation, HlsSegmentChecker.DtsDeviation], found.Select(d => d.Type).Order(StringComparer.Ordinal).Reverse());
        At(found, HlsSegmentChecker.PtsDeviation, 1, 2);
        At(found, HlsSegmentChecker.DtsDeviation, 1, 2);
        Assert.Empty(await InspectAsync(playlist, new QcItemRequest(HlsSegmentChecker.PtsDeviation, "0.6"), new QcItemRequest(HlsSegmentChecker.DtsDeviation, "0.6")));
    }

    [Fact]
    public async Task Inspect_MiddleSegmentVideoDtsEarlier_DtsDeviationOnly()
    {
        var playlist = await RenditionAsync("live");
        await ReplaceMiddleAsync(Path.Combine(dir.Path, "live1.ts"), "-bsf:v", "setts=dts=DTS-45000");

        var found = await InspectAsync(playlist);
        Assert.Equal([HlsSegmentChecker.DtsDeviation], found.Select(d => d.Type));
        At(found, HlsSegmentChecker.DtsDeviation, 1, 2);
    }

    [Fact]
    public async Task Inspect_MissingSegment_FailsNamingIt()
    {
        var playlist = await RenditionAsync("live");
        File.Delete(Path.Combine(dir.Path, "live2.ts"));
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => InspectAsync(playlist));
        Assert.Equal("SourceFileError.DownloadNotAccessible", failure.ErrCodeExt);
        Assert.Contains("live2.ts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_BadThreshold_PermanentConfigurationFailure()
    {
        var playlist = await RenditionAsync("live");
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => InspectAsync(playlist, new QcItemRequest(HlsSegmentChecker.DtsDeviation, "-1")));
        Assert.Equal((MediaErrorCodes.ConfigurationUnsupported, false), (failure.ErrCodeExt, failure.Retryable));
    }
}
