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

    private static AdaptiveStreamTemplate Rung(long width, long kbps) => new()
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
    [InlineData("MPEG-DASH", "mp4-byterange")]
    [InlineData("HLS", "ts-byterange")]
    public async Task StreamAsync_NotImplementedPackaging_RefusedPermanently(string format, string segmentType)
    {
        var request = await RequestAsync(Ladder() with { Format = format, SegmentType = segmentType });
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => Executor.StreamAsync(request, null, CancellationToken.None));
        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    [GeneratedRegex(@"#EXT-X-STREAM-INF:BANDWIDTH=(?<peak>\d+),AVERAGE-BANDWIDTH=(?<avg>\d+)(,RESOLUTION=(?<res>\d+x\d+))?\n(?<uri>[^\n]+)")]
    private static partial Regex StreamInf();
}
