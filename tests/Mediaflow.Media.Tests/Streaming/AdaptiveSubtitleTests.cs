using System.Globalization;
using System.Text.RegularExpressions;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Ai.Subtitles;
using Mediaflow.Media.Streaming;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Streaming;

/// <summary>
/// AddOnSubtitles on HLS: WebVTT subtitle renditions cut on the video's segment grid, from a 4 s, 320×180 lavfi source
/// with 2 s segments, checked by parsing (as a player would) and with an independent ffprobe.
/// </summary>
public sealed partial class AdaptiveSubtitleTests : IAsyncDisposable
{
    private const string Srt = "1\n00:00:00,500 --> 00:00:01,500\none\n\n2\n00:00:01,800 --> 00:00:02,600\nacross the cut\n\n3\n00:00:03,000 --> 00:00:03,800\nthree\n";
    private const string Vtt = "WEBVTT\n\n00:00.000 --> 00:03.900\nganz <b>lang</b>\n";

    private static readonly SubtitleCue[] SrtCues = [new(0.5, 1.5, "one"), new(1.8, 2.6, "across the cut"), new(3.0, 3.8, "three")];

    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private AdaptiveExecutor Executor => new(media.Runner, media.Options);

    private static AdaptiveStreamTemplate Rung(long width, long kbps) => AdaptiveExecutorTests.Rung(width, kbps);

    private async Task<AdaptiveRequest> RequestAsync(string format, string segmentType, int rungs, params (string Name, string Text, string? Title, string? Language, bool Default)[] subtitles)
    {
        var path = dir.File("src.mp4");
        if (!File.Exists(path))
        {
            await TestMedia.VideoWithAudioAsync(dir.Path, "src.mp4", 320, 180, seconds: 4);
        }

        var files = new List<AddOnSubtitleFile>();
        foreach (var s in subtitles)
        {
            await File.WriteAllTextAsync(dir.File(s.Name), s.Text);
            files.Add(await AddOnSubtitleFile.ReadAsync(dir.File(s.Name), s.Title, s.Language, s.Default, CancellationToken.None));
        }

        var segmentExtension = segmentType == "mp4-segment" ? "m4s" : "ts";
        return new AdaptiveRequest
        {
            SourcePath = path,
            Source = await media.Prober.ProbeAsync(path, CancellationToken.None),
            Template = new AdaptiveDynamicStreamingTemplate { Format = format, SegmentType = segmentType, StreamInfos = [.. new[] { Rung(320, 400), Rung(160, 150) }.Take(rungs)] },
            WorkDirectory = Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName,
            ManifestFileName = "src_adaptiveDynamicStreaming_10.m3u8",
            SubStreamFileName = n => $"src_adaptiveDynamicStreaming_10_{n}.m3u8",
            SegmentFileName = (n, s) => $"src_adaptiveDynamicStreaming_10_{n}_{s}.{segmentExtension}",
            Subtitles = files,
        };
    }

    [Theory]
    [InlineData("ts-segment")]
    [InlineData("mp4-segment")]
    public async Task StreamAsync_HlsWithSrtAndVtt_SubtitleRenditionsOnTheVideoGrid(string segmentType)
    {
        var request = await RequestAsync("HLS", segmentType, 2, ("en.srt", Srt, "English", "en", false), ("de.vtt", Vtt, null, "de", true));

        var result = await Executor.StreamAsync(request, null, CancellationToken.None);

        var work = request.WorkDirectory;
        var master = await File.ReadAllTextAsync(Path.Combine(work, "src_adaptiveDynamicStreaming_10.m3u8"));
        var renditions = MediaLine().Matches(master).Select(m => (m.Groups["name"].Value, m.Groups["lang"].Value, m.Groups["default"].Value, m.Groups["uri"].Value)).ToList();
        // Sub-stream numbers after the template's two: 2 and 3; the name falls back to the language.
        Assert.Equal([("English", "en", "NO", "src_adaptiveDynamicStreaming_10_2.m3u8"), ("de", "de", "YES", "src_adaptiveDynamicStreaming_10_3.m3u8")], renditions);
        var streamInfs = master.Split('\n').Where(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, streamInfs.Count);
        Assert.All(streamInfs, l => Assert.EndsWith(",SUBTITLES=\"subs\"", l, StringComparison.Ordinal));

        // ffprobe (FFmpeg 5.1 skips subtitle renditions of a master) still opens the master with both video variants.
        var programs = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", Path.Combine(work, "src_adaptiveDynamicStreaming_10.m3u8"));
        Assert.Equal(2, programs.Split('\n').Count(l => l.Trim() == "h264") / 2);

        // The video's first presentation time, by an independent ffprobe, on the 90 kHz clock: ts starts at the muxer's
        // offset (≥ 1.4 s), fMP4 near 0.
        var videoPlaylist = Path.Combine(work, "src_adaptiveDynamicStreaming_10_0.m3u8");
        var start = double.Parse((await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=start_time", "-of", "csv=p=0", videoPlaylist))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim(), CultureInfo.InvariantCulture);
        Assert.True(segmentType == "mp4-segment" ? start < 0.5 : start >= 1.4, $"first video PTS {start}");
        var expectedMap = $"X-TIMESTAMP-MAP=MPEGTS:{(long)Math.Round(start * 90000)},LOCAL:00:00:00.000";
        var videoDurations = WebVttSegmenter.Durations(await File.ReadAllTextAsync(videoPlaylist));
        Assert.Equal(2, videoDurations.Count);

        foreach (var (number, cues) in new[] { (2, SrtCues), (3, new[] { new SubtitleCue(0, 3.9, "ganz lang") }) })
        {
            var playlistPath = Path.Combine(work, $"src_adaptiveDynamicStreaming_10_{number}.m3u8");
            var playlist = await File.ReadAllTextAsync(playlistPath);
            Assert.Equal(videoDurations, WebVttSegmenter.Durations(playlist));
            var uris = playlist.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            Assert.Equal([$"src_adaptiveDynamicStreaming_10_{number}_0.vtt", $"src_adaptiveDynamicStreaming_10_{number}_1.vtt"], uris);
            var segmentStart = 0.0;
            for (var k = 0; k < uris.Count; k++)
            {
                var text = await File.ReadAllTextAsync(Path.Combine(work, uris[k]));
                Assert.Equal(expectedMap, text.Split('\n')[1]);
                var segmentEnd = segmentStart + videoDurations[k];
                // Exactly the cues that overlap the segment, with their own times (a cue across the cut is in both).
                Assert.Equal(cues.Where(c => c.Start < segmentEnd && c.End > segmentStart), SubtitleReader.Parse(text));
                segmentStart = segmentEnd;
            }

            // ffprobe reads the rendition's playlist as WebVTT: its cue times (repeats merged) are the file's.
            var packets = (await Ffprobe.RunAsync("ffprobe", "-v", "error", "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0", playlistPath))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
                .Distinct().ToList();
            Assert.Equal(cues.Select(c => (c.Start, Math.Round(c.End - c.Start, 6))), packets.Select(p => (p.Item1, Math.Round(p.Item2, 6))));
        }

        var names = result.Files.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("src_adaptiveDynamicStreaming_10_2.m3u8", names);
        Assert.Equal(4, names.Count(n => n.EndsWith(".vtt", StringComparison.Ordinal)));
        Assert.Contains("src_adaptiveDynamicStreaming_10_3.m3u8", names);
        Assert.DoesNotContain(names, n => n.StartsWith(".mf", StringComparison.Ordinal));
        Assert.Equal([0, 1], result.Variants.Select(v => v.Number));
    }

    [Fact]
    public async Task StreamAsync_SimpleAesWithSubtitles_MapReadThroughTheLocalKey()
    {
        var request = await RequestAsync("HLS", "ts-segment", 1, ("en.srt", Srt, "English", "en", true)) with
        {
            SimpleAes = new SimpleAesKey("000102030405060708090a0b0c0d0e0f", "https://keys.example/unreachable", null),
        };

        await Executor.StreamAsync(request, null, CancellationToken.None);

        var first = await File.ReadAllTextAsync(Path.Combine(request.WorkDirectory, "src_adaptiveDynamicStreaming_10_1_0.vtt"));
        var mpegTs = long.Parse(Regex.Match(first, @"MPEGTS:(\d+),").Groups[1].Value, CultureInfo.InvariantCulture);
        // The mpegts muxer's offset: 1.4 s plus the B-frame delay (a few frames at 25 fps).
        Assert.InRange(mpegTs, 126000, 126000 + (90000 / 25 * 4));
        Assert.Equal(SrtCues.Take(2), SubtitleReader.Parse(first));
        Assert.DoesNotContain(Directory.GetFiles(request.WorkDirectory), f => Path.GetFileName(f) == ".mfprobe.m3u8");
    }

    [Fact]
    public async Task StreamAsync_DashWithSubtitles_TextAdaptationSetWithASidecar()
    {
        var request = await RequestAsync("MPEG-DASH", "mp4-segment", 1, ("en.srt", Srt, null, "en", true)) with
        {
            ManifestFileName = "src_adaptiveDynamicStreaming_20.mpd",
            SubStreamFileName = n => $"src_adaptiveDynamicStreaming_20_{n}.mp4",
            SegmentFileName = (n, s) => $"src_adaptiveDynamicStreaming_20_{n}_{s}.m4s",
        };

        var result = await Executor.StreamAsync(request, null, CancellationToken.None);

        // One video and one audio representation (ids 0, 1): the subtitle is id 2.
        var manifestPath = Path.Combine(request.WorkDirectory, "src_adaptiveDynamicStreaming_20.mpd");
        var mpd = System.Xml.Linq.XDocument.Load(manifestPath);
        var ns = mpd.Root!.Name.Namespace;
        var text = mpd.Descendants(ns + "AdaptationSet").Single(a => (string?)a.Attribute("mimeType") == "text/vtt");
        Assert.Equal("en", (string?)text.Attribute("lang"));
        Assert.Equal("main", (string?)text.Element(ns + "Role")!.Attribute("value"));
        var representation = text.Element(ns + "Representation")!;
        Assert.Equal("2", (string?)representation.Attribute("id"));
        Assert.Equal("src_adaptiveDynamicStreaming_20_2.vtt", representation.Element(ns + "BaseURL")!.Value);
        Assert.Equal(SrtCues, SubtitleReader.Parse(await File.ReadAllTextAsync(Path.Combine(request.WorkDirectory, "src_adaptiveDynamicStreaming_20_2.vtt"))));
        Assert.Contains(result.Files, f => f.FileName == "src_adaptiveDynamicStreaming_20_2.vtt" && f.ContentType == "text/vtt");
        Assert.Equal(result.Files[0].Size, new FileInfo(manifestPath).Length);

        // ffprobe's dash demuxer (told to accept the .vtt extension) sees video, audio and the WebVTT subtitle.
        var codecs = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-allowed_extensions", "ALL", "-show_entries", "stream=codec_name", "-of", "csv=p=0", manifestPath);
        Assert.Equal(["aac", "h264", "webvtt"], codecs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("a.ass", "[Script Info]\nScriptType: v4.00+\n", MediaErrorCodes.ContentUnsupported)]
    [InlineData("empty.srt", "no cue in here\n", MediaErrorCodes.ContentMalformed)]
    public async Task StreamAsync_UnreadableSubtitle_FailsBeforeEncoding(string name, string text, string code)
    {
        var request = await RequestAsync("HLS", "ts-segment", 1, (name, text, null, null, false));

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => Executor.StreamAsync(request, null, CancellationToken.None));

        Assert.Equal(code, failure.ErrCodeExt);
        Assert.Contains("AddOnSubtitles[0]", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(request.WorkDirectory));
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    [GeneratedRegex("""#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="(?<name>[^"]*)",LANGUAGE="(?<lang>[^"]*)",DEFAULT=(?<default>YES|NO),AUTOSELECT=YES,URI="(?<uri>[^"]*)"\n""")]
    private static partial Regex MediaLine();
}
