using System.Globalization;
using System.Text.Json;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>
/// Every video codec and container of the widened matrix, run through real ffmpeg on a 1 s lavfi source (320×180) and
/// checked with an independent ffprobe: muxer, stream codecs, size, frame rate, audio sample rate, duration.
/// </summary>
public sealed class TranscodeCodecContainerTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private async Task<TranscodeResult> RunAsync(TranscodeTemplate template, string outputName)
    {
        TranscodeTemplateRules.Validate(template);
        var source = await TestMedia.VideoWithAudioAsync(dir.Path, seconds: 1);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var work = Directory.CreateDirectory(dir.File("work")).FullName;
        return await media.Executor.TranscodeAsync(
            new TranscodeRequest { SourcePath = source, Source = probe, Template = template, WorkDirectory = work, OutputFileName = outputName },
            null,
            CancellationToken.None);
    }

    private static async Task<Probed> ProbeAsync(string path)
    {
        var json = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-show_entries",
            "format=format_name,duration:stream=codec_type,codec_name,codec_tag_string,width,height,r_frame_rate,sample_rate", "-of", "json", path);
        using var doc = JsonDocument.Parse(json[..(json.LastIndexOf('}') + 1)]);
        var format = doc.RootElement.GetProperty("format");
        var streams = doc.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "audio");
        string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.GetString() : null;
        var rate = Text(video, "r_frame_rate")?.Split('/');
        return new Probed(
            format.GetProperty("format_name").GetString()!,
            double.Parse(format.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture),
            Text(video, "codec_name"),
            Text(video, "codec_tag_string"),
            video.ValueKind == JsonValueKind.Object ? (video.GetProperty("width").GetInt64(), video.GetProperty("height").GetInt64()) : (0, 0),
            rate is null ? 0 : double.Parse(rate[0], CultureInfo.InvariantCulture) / double.Parse(rate[1], CultureInfo.InvariantCulture),
            Text(audio, "codec_name"),
            Text(audio, "sample_rate") is { } sr ? long.Parse(sr, CultureInfo.InvariantCulture) : 0);
    }

    [Theory]
    [InlineData("flv", "h264", "aac", "flv", "h264", "aac")]
    [InlineData("ts", "mpeg2", "mp2", "mpegts", "mpeg2video", "mp2")]
    [InlineData("ts", "h265", "ac3", "mpegts", "hevc", "ac3")]
    [InlineData("webm", "vp9", "opus", "matroska,webm", "vp9", "opus")]
    [InlineData("webm", "vp8", "vorbis", "matroska,webm", "vp8", "vorbis")]
    [InlineData("webm", "av1", "opus", "matroska,webm", "av1", "opus")]
    [InlineData("mkv", "vp9", "flac", "matroska,webm", "vp9", "flac")]
    [InlineData("mkv", "h264", "pcm24", "matroska,webm", "h264", "pcm_s24le")]
    [InlineData("mov", "h265", "pcm16", "mov,mp4,m4a,3gp,3g2,mj2", "hevc", "pcm_s16le")]
    [InlineData("mp4", "av1", "eac3", "mov,mp4,m4a,3gp,3g2,mj2", "av1", "eac3")]
    [InlineData("mxf", "mpeg2", "pcm16", "mxf", "mpeg2video", "pcm_s16le")]
    public async Task TranscodeAsync_VideoCodecInContainer_FfprobeAgrees(string container, string videoCodec, string audioCodec, string formatName, string probedVideo, string probedAudio)
    {
        var template = new TranscodeTemplate
        {
            Container = container,
            VideoTemplate = new VideoTemplateInfo { Codec = videoCodec, Width = 256, Height = 144, Fps = 25, Bitrate = 300 },
            AudioTemplate = new AudioTemplateInfo { Codec = audioCodec },
        };
        var result = await RunAsync(template, "out." + container);

        var probe = await ProbeAsync(result.Files[0].LocalPath);
        Assert.Equal(formatName, probe.FormatName);
        Assert.Equal(probedVideo, probe.VideoCodec);
        Assert.Equal(probedAudio, probe.AudioCodec);
        Assert.Equal((256L, 144L), probe.Size);
        Assert.Equal(25, probe.Fps, 3);
        // One frame of slack either way (audio priming may add a few ms).
        Assert.InRange(probe.Duration, 0.96, 1.08);
        Assert.Equal(48000, probe.SampleRate);
        if (videoCodec == "h265" && container is "mov")
        {
            Assert.Equal("hvc1", probe.VideoTag);
        }

        if (container == "webm")
        {
            // webm and mkv share ffprobe's format name: check the EBML DocType directly.
            var head = File.ReadAllBytes(result.Files[0].LocalPath).AsSpan(0, 64).ToArray();
            Assert.Contains("webm", System.Text.Encoding.ASCII.GetString(head), StringComparison.Ordinal);
        }

        Assert.Equal(ContentTypes.ForFileName("out." + container), result.Files[0].ContentType);
    }

    [Theory]
    [InlineData("ogg", "opus", 64, 0, "ogg", "opus", 48000)]
    [InlineData("ogg", "vorbis", 96, 44100, "ogg", "vorbis", 44100)]
    [InlineData("ogg", "flac", 0, 0, "ogg", "flac", 48000)]
    [InlineData("wav", "pcm16", 0, 22050, "wav", "pcm_s16le", 22050)]
    [InlineData("wav", "pcm24", 0, 0, "wav", "pcm_s24le", 48000)]
    public async Task TranscodeAsync_AudioContainer_FfprobeAgrees(string container, string codec, long bitrate, long sampleRate, string formatName, string probedCodec, long probedRate)
    {
        var template = new TranscodeTemplate
        {
            Container = container,
            AudioTemplate = new AudioTemplateInfo { Codec = codec, Bitrate = bitrate, SampleRate = sampleRate },
        };
        var result = await RunAsync(template, "a." + container);

        var probe = await ProbeAsync(result.Files[0].LocalPath);
        Assert.Equal(formatName, probe.FormatName);
        Assert.Null(probe.VideoCodec);
        Assert.Equal(probedCodec, probe.AudioCodec);
        Assert.Equal(probedRate, probe.SampleRate);
        Assert.InRange(probe.Duration, 0.96, 1.08);
    }

    [Fact]
    public async Task TranscodeAsync_Mpeg2FromSourceRate_KeepsStandardRate()
    {
        // Fps 0 = as source (25, a rate MPEG-2 signals): no conversion, 25 frames in 1 s.
        var template = new TranscodeTemplate
        {
            Container = "ts",
            VideoTemplate = new VideoTemplateInfo { Codec = "mpeg2", Width = 256, Height = 144 },
            AudioTemplate = new AudioTemplateInfo { Codec = "mp2", Bitrate = 128 },
        };
        var result = await RunAsync(template, "m.ts");

        var (_, _, frames, fps, _) = await Ffprobe.VideoAsync(result.Files[0].LocalPath);
        Assert.Equal(25, fps, 3);
        Assert.InRange(frames, 24, 26);
    }

    [Theory]
    [InlineData("h265", "mp4", "yuv420p10le", "Main 10")]
    [InlineData("vp9", "webm", "yuv420p10le", "Profile 2")]
    [InlineData("av1", "mkv", "yuv420p10le", "Main")]
    public async Task TranscodeAsync_BitDepth10_TenBitStream(string codec, string container, string pixelFormat, string profile)
    {
        var template = new TranscodeTemplate
        {
            Container = container,
            VideoTemplate = new VideoTemplateInfo { Codec = codec, Width = 256, Height = 144, Fps = 25, BitDepth = 10 },
            AudioTemplate = new AudioTemplateInfo { Codec = "opus" },
        };
        var result = await RunAsync(template, "ten." + container);

        var probed = (await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=pix_fmt,profile", "-of", "csv=p=0", result.Files[0].LocalPath)).Trim();
        Assert.Equal($"{profile},{pixelFormat}", probed); // ffprobe prints profile before pix_fmt
    }

    [Theory]
    [InlineData("black", 0, 30)]
    [InlineData("white", 225, 255)]
    [InlineData("gauss", 31, 224)]
    public async Task TranscodeAsync_FillType_BorderLuma(string fillType, int minLuma, int maxLuma)
    {
        // 320×180 source into a 256×256 frame: the picture is 256×144 at y = 56; the top 48 rows are fill.
        var template = new TranscodeTemplate
        {
            Container = "mp4",
            VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 256, Height = 256, ResolutionAdaptive = "close", FillType = fillType, Fps = 25 },
            AudioTemplate = new AudioTemplateInfo { Codec = "aac" },
        };
        var result = await RunAsync(template, "fill.mp4");

        var (width, height, _, _, _) = await Ffprobe.VideoAsync(result.Files[0].LocalPath);
        Assert.Equal((256L, 256L), (width, height));
        var luma = dir.File($"luma-{fillType}.gray");
        await Ffprobe.RunAsync("ffmpeg", "-v", "error", "-y", "-i", result.Files[0].LocalPath, "-frames:v", "1",
            "-vf", "crop=w=256:h=40:x=0:y=0,scale=w=1:h=1:flags=area", "-f", "rawvideo", "-pix_fmt", "gray", luma);
        var mean = File.ReadAllBytes(luma).Single();
        Assert.InRange(mean, minLuma, maxLuma);
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }

    private sealed record Probed(string FormatName, double Duration, string? VideoCodec, string? VideoTag, (long Width, long Height) Size, double Fps, string? AudioCodec, long SampleRate);
}
