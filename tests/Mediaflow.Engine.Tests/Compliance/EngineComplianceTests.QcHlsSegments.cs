using System.Text.Json.Nodes;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Compliance;

/// <summary>
/// An HLS master playlist in the store as the task source, with the HLS segment items enabled: the engine stages its
/// media playlist and segments from the same bucket, so a segment with shifted timestamps is found; a missing segment or
/// a reference above the bucket root fails the node naming it.
/// </summary>
public abstract partial class EngineComplianceTests
{
    private static readonly string[] HlsSegmentItems = ["HLSMediaSegmentsStreamNumChange", "HLSMediaSegmentsPTSJitterDeviation", "HLSMediaSegmentsDTSJitterDeviation"];

    /// <summary>A 3 s H.264/AAC rendition in three 1 s MPEG-TS segments: <c>live.m3u8</c>, <c>live0.ts</c>…, and a master naming <c>v/live.m3u8</c>.</summary>
    private static async Task<string> HlsRenditionAsync(string directory)
    {
        await TestMedia.GenerateAsync(directory, "live.m3u8",
        [
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=3", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=3",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest",
            "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-hls_segment_filename", Path.Combine(directory, "live%d.ts"),
        ]);
        await File.WriteAllTextAsync(Path.Combine(directory, "master.m3u8"),
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180,CODECS=\"avc1.42c00d,mp4a.40.2\"\nv/live.m3u8\n");
        return directory;
    }

    private async Task UploadRenditionAsync(long appId, string bucket, string directory, string prefix)
    {
        await Host.UploadAsync(appId, bucket, prefix + "master.m3u8", Path.Combine(directory, "master.m3u8"));
        foreach (var name in new[] { "live.m3u8", "live0.ts", "live1.ts", "live2.ts" })
        {
            await Host.UploadAsync(appId, bucket, prefix + "v/" + name, Path.Combine(directory, name));
        }
    }

    private async Task<JsonObject> InspectPlaylistAsync(long appId, string bucket, string key, long template)
    {
        var taskId = await Host.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, key),
            Activities = [Input(1), QualityControl(template, 2), Output()],
        });
        return await Host.WaitFinishedAsync(appId, taskId, TimeSpan.FromMinutes(4));
    }

    [Fact]
    public async Task QualityControl_PlaylistSegmentsFetchedFromTheStore_CleanThenShiftedSegment()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "qcseg");
        using var media = new TempDirectory();
        await UploadRenditionAsync(appId, bucket, await HlsRenditionAsync(media.Path), "shows/a/");
        var template = await CreateQualityControlTemplateAsync(appId, [.. HlsSegmentItems.Select(t => new QualityControlItemConfig { Type = t })]);

        var clean = Succeeded(await InspectPlaylistAsync(appId, bucket, "shows/a/master.m3u8", template), 1);
        Assert.Empty(clean["ContainerDiagnoseResultSet"]?.AsArray() ?? []);

        // The middle segment again, its timestamps half a second later (stream copy keeping them: -copyts, no mux delay).
        var shifted = await TestMedia.GenerateAsync(media.Path, "shifted.ts",
            ["-copyts", "-i", Path.Combine(media.Path, "live1.ts"), "-map", "0", "-c", "copy", "-bsf:v", "setts=ts=TS+45000", "-bsf:a", "setts=ts=TS+45000",
             "-muxdelay", "0", "-muxpreload", "0", "-f", "mpegts"]);
        await Host.UploadAsync(appId, bucket, "shows/a/v/live1.ts", shifted);

        var qc = Succeeded(await InspectPlaylistAsync(appId, bucket, "shows/a/master.m3u8", template), 1);
        var diagnoses = qc["ContainerDiagnoseResultSet"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(["HLSMediaSegmentsDTSJitterDeviation", "HLSMediaSegmentsPTSJitterDeviation"], diagnoses.Select(d => d["Type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var diagnosis in diagnoses)
        {
            Assert.Equal("HLSRequirements", diagnosis["Category"]!.GetValue<string>());
            var times = diagnosis["TimestampSet"]!.AsArray().Select(t => t!.GetValue<double>()).ToList();
            Assert.Equal(2, times.Count);
            Assert.InRange(times[0], 0.5, 1.5);
            Assert.InRange(times[1], 1.5, 2.5);
        }
    }

    [Fact]
    public async Task QualityControl_PlaylistSegmentMissingOrOutsideTheBucket_NodeFailsNamingIt()
    {
        var appId = NewAppId();
        var bucket = await NewBucketAsync(appId, "qcsegbad");
        using var media = new TempDirectory();
        var directory = await HlsRenditionAsync(media.Path);
        await UploadRenditionAsync(appId, bucket, directory, "");
        var template = await CreateQualityControlTemplateAsync(appId, new QualityControlItemConfig { Type = "HLSMediaSegmentsPTSJitterDeviation" });

        // live2.ts was never uploaded under this name.
        var missing = Path.Combine(media.Path, "missing.m3u8");
        await File.WriteAllTextAsync(missing, (await File.ReadAllTextAsync(Path.Combine(directory, "live.m3u8"))).Replace("live2.ts", "gone2.ts", StringComparison.Ordinal));
        await Host.UploadAsync(appId, bucket, "v/missing.m3u8", missing);
        var failed = TaskView.Node(await InspectPlaylistAsync(appId, bucket, "v/missing.m3u8", template), 1);
        Assert.Equal(("FAIL", "SourceFileError.DownloadNotAccessible"), (failed.Status, failed.ErrCodeExt));
        Assert.Contains("'v/gone2.ts'", failed.Message, StringComparison.Ordinal);

        var escaping = Path.Combine(media.Path, "escaping.m3u8");
        await File.WriteAllTextAsync(escaping, (await File.ReadAllTextAsync(Path.Combine(directory, "live.m3u8"))).Replace("live0.ts", "../../live0.ts", StringComparison.Ordinal));
        await Host.UploadAsync(appId, bucket, "v/escaping.m3u8", escaping);
        var refused = TaskView.Node(await InspectPlaylistAsync(appId, bucket, "v/escaping.m3u8", template), 1);
        Assert.Equal(("FAIL", "SourceFileError.ContentUnsupported"), (refused.Status, refused.ErrCodeExt));
        Assert.Contains("'../../live0.ts'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("above the bucket root", refused.Message, StringComparison.Ordinal);
    }
}
