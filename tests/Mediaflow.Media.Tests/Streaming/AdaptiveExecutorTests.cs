using System.Globalization;
using System.Text.RegularExpressions;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Streaming;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Streaming;

/// <summary>HLS adaptive streams from a 4 s, 25 fps, 320×180 lavfi source, checked with an independent ffprobe.</summary>
public sealed partial class AdaptiveExecutorTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private AdaptiveExecutor Executor => new(media.Runner, media.Options);

    /// <summary>An H.264/AAC rung of the given width (height from the source's aspect) and video bitrate; shared by the adaptive tests.</summary>
    internal static AdaptiveStreamTemplate Rung(long width, long kbps) => new()
    {
        Video = new VideoTemplateInfo { Codec = "h264", Fps = 25, Bitrate = kbps, Width = width, Height = 0, ResolutionAdaptive = "open", HlsTime = 2 },
        Audio = new AudioTemplateInfo { Codec = "aac", Bitrate = 64, SampleRate = 44100, AudioChannel = 2 },
    };

    private static AdaptiveDynamicStreamingTemplate Ladder(string segmentType = "ts-segment") => new()
    {
        Format = "HLS",
        SegmentType = segmentType,
        StreamInfos = [Rung(320, 600), Rung(256, 300), Rung(160, 150)],
    };

    private async Task<AdaptiveRequest> RequestAsync(AdaptiveDynamicStreamingTemplate template, SimpleAesKey? aes = null)
    {
        var request = await HlsRequestAsync(template, aes);
        return template.Format != "MPEG-DASH" ? request : request with
        {
            ManifestFileName = "src_adaptiveDynamicStreaming_20.mpd",
            SubStreamFileName = n => $"src_adaptiveDynamicStreaming_20_{n}.mp4",
            SegmentFileName = (n, s) => $"src_adaptiveDynamicStreaming_20_{n}_{s}.m4s",
        };
    }

    private async Task<AdaptiveRequest> HlsRequestAsync(AdaptiveDynamicStreamingTemplate template, SimpleAesKey? aes)
    {
        var path = dir.File("src.mp4");
        if (!File.Exists(path))
        {
            await TestMedia.VideoWithAudioAsync(dir.Path, "src.mp4", 320, 180, seconds: 4);
        }

        var work = Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        return new AdaptiveRequest
        {
            SourcePath = path,
            Source = await media.Prober.ProbeAsync(path, CancellationToken.None),
            Template = template,
            WorkDirectory = work,
            ManifestFileName = "src_adaptiveDynamicStreaming_10.m3u8",
            SubStreamFileName = n => $"src_adaptiveDynamicStreaming_10_{n}.m3u8",
            SegmentFileName = (n, s) => $"src_adaptiveDynamicStreaming_10_{n}_{s}.{(template.SegmentType == "mp4-segment" ? "m4s" : "ts")}",
            SimpleAes = aes,
        };
    }

    [Theory]
    [InlineData("ts-segment")]
    [InlineData("mp4-segment")]
    public async Task StreamAsync_ThreeRungs_EachVariantHasItsSizeAndTheMasterItsMeasuredRates(string segmentType)
    {
        var request = await RequestAsync(Ladder(segmentType));

        var result = await Executor.StreamAsync(request, null, CancellationToken.None);

        var manifest = result.Files[0].LocalPath;
        Assert.Equal("src_adaptiveDynamicStreaming_10.m3u8", result.Files[0].FileName);
        // ffprobe opens the master playlist: three variants, each an h264 + aac program.
        var json = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-show_programs", "-of", "json", manifest);
        using (var doc = System.Text.Json.JsonDocument.Parse(json[..(json.LastIndexOf('}') + 1)]))
        {
            var programs = doc.RootElement.GetProperty("programs").EnumerateArray().ToList();
            Assert.Equal(3, programs.Count);
            Assert.All(programs, p => Assert.Equal(["h264", "aac"], p.GetProperty("streams").EnumerateArray().Select(st => st.GetProperty("codec_name").GetString())));
        }

        var master = await File.ReadAllTextAsync(manifest);
        var infs = StreamInf().Matches(master);
        Assert.Equal(3, infs.Count);
        (long W, long H)[] sizes = [(320, 180), (256, 144), (160, 90)];
        for (var n = 0; n < 3; n++)
        {
            var variant = Path.Combine(request.WorkDirectory, $"src_adaptiveDynamicStreaming_10_{n}.m3u8");
            var (w, h, frames, _, duration) = await Ffprobe.VideoAsync(variant);
            Assert.Equal(sizes[n], (w, h));
            // ffprobe lists an HLS stream under its program and again on its own.
            Assert.All((await Ffprobe.CodecAsync(variant)).Split('\n', StringSplitOptions.RemoveEmptyEntries), c => Assert.Equal("h264", c.Trim()));
            Assert.InRange(frames, 99, 101);

            // Independent measurement: every file of the variant (init + segments) over ffprobe's duration.
            var bytes = Directory.GetFiles(request.WorkDirectory, $"src_adaptiveDynamicStreaming_10_{n}_*").Sum(f => new FileInfo(f).Length);
            var measured = bytes * 8 / duration;
            var peak = long.Parse(infs[n].Groups["peak"].Value, CultureInfo.InvariantCulture);
            var average = long.Parse(infs[n].Groups["avg"].Value, CultureInfo.InvariantCulture);
            Assert.InRange(average, measured * 0.9, measured * 1.1);
            Assert.True(peak >= average, $"variant {n}: BANDWIDTH {peak} < AVERAGE-BANDWIDTH {average}");
            Assert.Equal($"{w}x{h}", infs[n].Groups["res"].Value);
            Assert.Equal($"src_adaptiveDynamicStreaming_10_{n}.m3u8", infs[n].Groups["uri"].Value);
        }

        // The rungs' rates are ordered like their templates' (600 > 300 > 150 kbit/s video).
        var averages = infs.Select(m => long.Parse(m.Groups["avg"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(averages[0] > averages[1] && averages[1] > averages[2], string.Join(",", averages));
        Assert.DoesNotContain(result.Files, f => f.FileName.StartsWith(".mf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamAsync_SimpleAes_SegmentsAreEncryptedAndDecryptWithTheKey()
    {
        var keyPath = dir.File("the.key");
        var keyHex = "000102030405060708090a0b0c0d0e0f";
        await File.WriteAllBytesAsync(keyPath, Convert.FromHexString(keyHex));
        var template = Ladder() with { StreamInfos = [Rung(320, 300), Rung(160, 150)] };
        var request = await RequestAsync(template, new SimpleAesKey(keyHex, keyPath, null));

        var result = await Executor.StreamAsync(request, null, CancellationToken.None);

        var variant = Path.Combine(request.WorkDirectory, "src_adaptiveDynamicStreaming_10_1.m3u8");
        Assert.Contains($"#EXT-X-KEY:METHOD=AES-128,URI=\"{keyPath}\"", await File.ReadAllTextAsync(variant), StringComparison.Ordinal);
        // A clear MPEG-TS segment starts with the 0x47 sync byte every 188 bytes; an encrypted one does not.
        var segment = await File.ReadAllBytesAsync(Path.Combine(request.WorkDirectory, "src_adaptiveDynamicStreaming_10_1_0.ts"));
        Assert.False(segment[0] == 0x47 && segment[188] == 0x47, "segment is not encrypted");
        Assert.DoesNotContain(result.Files, f => f.FileName.Contains("key", StringComparison.Ordinal));

        // Decrypting with the key (the playlist's URI is the key file): every frame decodes at the rung's size.
        var (w, h, frames, _, _) = await Ffprobe.VideoAsync(variant, "-allowed_extensions", "ALL");
        Assert.Equal((160, 90), (w, h));
        Assert.InRange(frames, 99, 101);
    }

    [Fact]
    public async Task StreamAsync_DisableHigherResolutionAndBitrate_DropsRungsAboveTheSource()
    {
        var template = Ladder() with
        {
            StreamInfos = [Rung(640, 300), Rung(320, 100000), Rung(160, 150)],
            DisableHigherVideoResolution = 1,
            DisableHigherVideoBitrate = 1,
        };
        var request = await RequestAsync(template);

        var result = await Executor.StreamAsync(request, null, CancellationToken.None);

        Assert.Equal([2], result.Variants.Select(v => v.Number));
        Assert.Single(StreamInf().Matches(await File.ReadAllTextAsync(result.Files[0].LocalPath)));
    }

    [Fact]
    public async Task StreamAsync_PureAudio_AudioOnlyVariantsWithoutResolution()
    {
        var request = await RequestAsync(Ladder() with { PureAudio = 1, StreamInfos = [Rung(320, 300)] });

        var result = await Executor.StreamAsync(request, null, CancellationToken.None);

        var master = await File.ReadAllTextAsync(result.Files[0].LocalPath);
        Assert.DoesNotContain("RESOLUTION", master, StringComparison.Ordinal);
        var streams = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0",
            Path.Combine(request.WorkDirectory, "src_adaptiveDynamicStreaming_10_0.m3u8"));
        Assert.All(streams.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Equal("audio", line.Trim()));
    }

    [Theory]
    [InlineData("HLS", "ts-byterange")]
    [InlineData("HLS", "mp4-packed-audio")]
    [InlineData("MPEG-DASH", "mp4-mp4-byterange")]
    public async Task StreamAsync_NotImplementedPackaging_RefusedPermanently(string format, string segmentType)
    {
        var request = await RequestAsync(Ladder() with { Format = format, SegmentType = segmentType });
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => Executor.StreamAsync(request, null, CancellationToken.None));
        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    /// <summary>
    /// MPEG-DASH from one decode: a representation per video rung (its size and codec) plus one audio representation
    /// (the rungs' audio is the same), ffprobe reads the manifest and finds every stream, and each file belongs to one
    /// representation by its §8 name (init + numbered segments, or one byte-ranged file).
    /// </summary>
    [Theory]
    [InlineData("mp4-segment")]
    [InlineData("mp4-byterange")]
    public async Task StreamAsync_Dash_ARepresentationPerRungAndFfprobeReadsTheManifest(string segmentType)
    {
        var request = await RequestAsync(Ladder() with { Format = "MPEG-DASH", SegmentType = segmentType });

        var result = await Executor.StreamAsync(request, null, CancellationToken.None);

        var manifest = result.Files[0].LocalPath;
        Assert.Equal("src_adaptiveDynamicStreaming_20.mpd", result.Files[0].FileName);
        var mpd = System.Xml.Linq.XDocument.Load(manifest);
        var representations = mpd.Descendants().Where(e => e.Name.LocalName == "Representation").ToList();
        Assert.Equal(4, representations.Count);
        (int W, int H)[] sizes = [(320, 180), (256, 144), (160, 90)];
        for (var n = 0; n < 3; n++)
        {
            var r = representations.Single(e => (string?)e.Attribute("id") == n.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(sizes[n], ((int)r.Attribute("width")!, (int)r.Attribute("height")!));
            Assert.StartsWith("avc1.", (string?)r.Attribute("codecs"), StringComparison.Ordinal);
        }

        Assert.StartsWith("mp4a.", (string?)representations.Single(e => (string?)e.Attribute("id") == "3").Attribute("codecs"), StringComparison.Ordinal);

        // An independent reader: ffprobe opens the manifest and sees three h264 streams of the rung sizes and the aac one.
        var json = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "json", manifest);
        using (var doc = System.Text.Json.JsonDocument.Parse(json[..(json.LastIndexOf('}') + 1)]))
        {
            var streams = doc.RootElement.GetProperty("streams").EnumerateArray().ToList();
            var videos = streams.Where(st => st.GetProperty("codec_name").GetString() == "h264")
                .Select(st => (st.GetProperty("width").GetInt32(), st.GetProperty("height").GetInt32())).Distinct().OrderByDescending(x => x.Item1).ToList();
            Assert.Equal(sizes, videos);
            Assert.Contains(streams, st => st.GetProperty("codec_name").GetString() == "aac");
        }

        // Decoding a rung's own media (its single file, or init + segments in order) gives the whole clip at its size;
        // segmented, ffprobe also decodes it through the manifest (ffmpeg 5.1's dash demuxer cannot decode byte-range lists).
        var rung = Path.Combine(request.WorkDirectory, "rung2.mp4");
        var parts = Directory.GetFiles(request.WorkDirectory, "src_adaptiveDynamicStreaming_20_2*")
            .OrderBy(f => f.EndsWith(".mp4", StringComparison.Ordinal) ? -1 : int.Parse(Path.GetFileNameWithoutExtension(f).Split('_')[^1], CultureInfo.InvariantCulture)).ToList();
        await File.WriteAllBytesAsync(rung, [.. parts.SelectMany(File.ReadAllBytes)]);
        var frames = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-count_frames", "-show_entries", "stream=nb_read_frames,width,height", "-of", "csv=p=0", rung);
        Assert.Equal("160,90,100", frames.Trim());
        File.Delete(rung);
        if (segmentType == "mp4-segment")
        {
            var viaManifest = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:2", "-show_entries", "stream=nb_read_frames,width,height", "-of", "csv=p=0", manifest);
            Assert.Equal("160,90,100", viaManifest.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());
        }

        var names = result.Files.Skip(1).Select(f => f.FileName).ToList();
        if (segmentType == "mp4-segment")
        {
            Assert.All(names, n => Assert.Matches(@"^src_adaptiveDynamicStreaming_20_[0-3](\.mp4|_[0-9]+\.m4s)$", n));
            Assert.Equal(4, names.Count(n => n.EndsWith(".mp4", StringComparison.Ordinal)));
            Assert.Contains("src_adaptiveDynamicStreaming_20_2_1.m4s", names);
        }
        else
        {
            Assert.Equal(["src_adaptiveDynamicStreaming_20_0.mp4", "src_adaptiveDynamicStreaming_20_1.mp4", "src_adaptiveDynamicStreaming_20_2.mp4", "src_adaptiveDynamicStreaming_20_3.mp4"], names);
        }

        Assert.Equal(Directory.GetFiles(request.WorkDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal), result.Files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        Assert.Equal([0, 1, 2, 0, 1, 2], result.Variants.Select(v => v.Number));
        var videoRates = result.Variants.Take(3).Select(v => v.Variant.AverageBandwidth).ToList();
        Assert.True(videoRates[0] > videoRates[1] && videoRates[1] > videoRates[2], string.Join(",", videoRates));

        // The MPD's bandwidth is the measured peak (docs/adaptive-streaming.md: the HLS BANDWIDTH definition), not the
        // configured 600k/300k/150k: for segmented video, the largest 2 s segment (the init counted with the first).
        for (var n = 0; n < 3; n++)
        {
            var bandwidth = (long)representations.Single(e => (string?)e.Attribute("id") == n.ToString(CultureInfo.InvariantCulture)).Attribute("bandwidth")!;
            Assert.Equal(result.Variants[n].Variant.PeakBandwidth, bandwidth);
            Assert.True(bandwidth >= result.Variants[n].Variant.AverageBandwidth, $"peak {bandwidth} below the average {result.Variants[n].Variant.AverageBandwidth}");
            if (segmentType == "mp4-segment")
            {
                var init = new FileInfo(Path.Combine(request.WorkDirectory, $"src_adaptiveDynamicStreaming_20_{n}.mp4")).Length;
                var segments = Enumerable.Range(1, 2).Select(k => new FileInfo(Path.Combine(request.WorkDirectory, $"src_adaptiveDynamicStreaming_20_{n}_{k}.m4s")).Length).ToList();
                Assert.False(File.Exists(Path.Combine(request.WorkDirectory, $"src_adaptiveDynamicStreaming_20_{n}_3.m4s")));
                Assert.Equal((long)Math.Ceiling(Math.Max(init + segments[0], segments[1]) * 8 / 2.0), bandwidth);
            }
        }
    }

    [Fact]
    public async Task StreamAsync_DashPureAudio_OneAudioRepresentation()
    {
        var request = await RequestAsync(Ladder() with { Format = "MPEG-DASH", SegmentType = "mp4-segment", PureAudio = 1 });

        var result = await Executor.StreamAsync(request, null, CancellationToken.None);

        var mpd = System.Xml.Linq.XDocument.Load(result.Files[0].LocalPath);
        var representation = Assert.Single(mpd.Descendants(), e => e.Name.LocalName == "Representation");
        Assert.StartsWith("mp4a.", (string?)representation.Attribute("codecs"), StringComparison.Ordinal);
        var streams = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", result.Files[0].LocalPath);
        Assert.All(streams.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Equal("audio", line.Trim()));
    }

    [Fact]
    public async Task StreamAsync_DashWithSimpleAes_RefusedPermanently()
    {
        var request = await RequestAsync(Ladder() with { Format = "MPEG-DASH", SegmentType = "mp4-segment" }, new SimpleAesKey("000102030405060708090a0b0c0d0e0f", "https://k/1", null));
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => Executor.StreamAsync(request, null, CancellationToken.None));
        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    [GeneratedRegex(@"#EXT-X-STREAM-INF:BANDWIDTH=(?<peak>\d+),AVERAGE-BANDWIDTH=(?<avg>\d+)(,RESOLUTION=(?<res>\d+x\d+))?\n(?<uri>[^\n]+)")]
    private static partial Regex StreamInf();
}
