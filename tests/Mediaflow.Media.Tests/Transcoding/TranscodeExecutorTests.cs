using Mediaflow.Domain.Templates;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

public sealed class TranscodeExecutorTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private async Task<(string Path, ProbeResult Probe)> SourceAsync(Func<string, Task<string>>? make = null)
    {
        var path = await (make ?? (d => TestMedia.VideoWithAudioAsync(d)))(dir.Path);
        return (path, await media.Prober.ProbeAsync(path, CancellationToken.None));
    }

    private async Task<TranscodeResult> RunAsync(TranscodeTemplate template, string outputName, (string Path, ProbeResult Probe)? source = null, double start = 0, double end = 0, List<double>? progress = null)
    {
        var (path, probe) = source ?? await SourceAsync();
        var work = Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        return await media.Executor.TranscodeAsync(
            new TranscodeRequest
            {
                SourcePath = path, Source = probe, Template = template, WorkDirectory = work, OutputFileName = outputName,
                StartTimeOffset = start, EndTimeOffset = end,
            },
            progress is null ? null : new SynchronousProgress(progress.Add),
            CancellationToken.None);
    }

    /// <summary>Measured facts equal an independent ffprobe of the main output.</summary>
    private async Task AssertMeasuredAsync(TranscodeResult result)
    {
        var main = result.Files[0];
        Assert.True(main.IsMain);
        var probe = await media.Prober.ProbeOutputAsync(main.LocalPath, CancellationToken.None);
        Assert.Equal(probe.Container, result.Item.Container);
        Assert.Equal(probe.Video?.Width ?? 0, result.Item.Width);
        Assert.Equal(probe.Video?.Height ?? 0, result.Item.Height);
        Assert.Equal(Math.Round(probe.Duration, 3), result.Item.Duration);
        Assert.Equal(result.Files.Sum(f => new FileInfo(f.LocalPath).Length), result.Item.Size);
        Assert.Equal(probe.VideoStreams.Count, result.Item.VideoStreamSet.Count);
        Assert.Equal(probe.AudioStreams.Count, result.Item.AudioStreamSet.Count);
        Assert.Matches("^[0-9a-f]{32}$", result.Item.Md5);
        Assert.True(result.Item.Bitrate > 0);
        Assert.Contains("-protocol_whitelist file,pipe", result.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscodeAsync_Preset100010Mp4_360pH264Aac()
    {
        var progress = new List<double>();
        var result = await RunAsync(PresetTranscodeTemplates.Find(100010)!, "src_transcode_100010.mp4", progress: progress);

        await AssertMeasuredAsync(result);
        Assert.Equal((640, 360), (result.Item.Width, result.Item.Height));
        Assert.Equal(100010, result.Item.Definition);
        Assert.Equal("h264", result.Item.VideoStreamSet[0].Codec);
        Assert.Equal(25, result.Item.VideoStreamSet[0].Fps);
        Assert.Equal("aac", result.Item.AudioStreamSet[0].Codec);
        Assert.Equal(44100, result.Item.AudioStreamSet[0].SamplingRate);
        Assert.Equal(2, result.Item.AudioStreamSet[0].Channel);
        Assert.InRange(result.Item.Duration, 1.9, 2.1);
        Assert.Equal("video/mp4", result.Files[0].ContentType);
        Assert.Single(result.Files);
        Assert.Equal(100, progress[^1]);
    }

    [Fact]
    public async Task TranscodeAsync_Preset100210Hls_PlaylistAndNamedSegmentsReadable()
    {
        var (path, probe) = await SourceAsync(d => TestMedia.VideoWithAudioAsync(d, seconds: 5));
        var work = Directory.CreateDirectory(dir.File("hls")).FullName;
        var template = TranscodeTemplateMerge.Apply(PresetTranscodeTemplates.Find(100210)!, new TranscodeTemplatePatch { VideoTemplate = new VideoTemplateInfo { HlsTime = 2 } });
        var result = await media.Executor.TranscodeAsync(
            new TranscodeRequest
            {
                SourcePath = path, Source = probe, Template = template, WorkDirectory = work, OutputFileName = "src_transcode_100210.m3u8",
                SegmentFileName = i => $"src_transcode_100210_{i}.ts",
            },
            null,
            CancellationToken.None);

        await AssertMeasuredAsync(result);
        Assert.Equal("hls", result.Item.Container);
        Assert.Equal("application/vnd.apple.mpegurl", result.Files[0].ContentType);
        var segments = result.Files.Skip(1).ToList();
        Assert.True(segments.Count >= 2, $"{segments.Count} segments");
        Assert.Equal([.. Enumerable.Range(0, segments.Count).Select(i => $"src_transcode_100210_{i}.ts")], segments.Select(s => s.FileName));
        Assert.All(segments, s => Assert.Equal("video/mp2t", s.ContentType));
        Assert.DoesNotContain(Directory.GetFiles(work), f => Path.GetFileName(f).StartsWith(".mfseg-", StringComparison.Ordinal));
        var playlist = await File.ReadAllTextAsync(result.Files[0].LocalPath);
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", playlist, StringComparison.Ordinal);
        Assert.Contains("src_transcode_100210_1.ts", playlist, StringComparison.Ordinal);
        var segmentProbe = await media.Prober.ProbeAsync(segments[0].LocalPath, CancellationToken.None);
        Assert.Equal("mpegts", segmentProbe.Container);
        Assert.InRange(result.Item.Duration, 4.8, 5.2);
    }

    [Fact]
    public async Task TranscodeAsync_HlsFmp4_InitAndSegments()
    {
        var template = new TranscodeTemplate
        {
            Container = "hls",
            VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 320, Height = 0, SegmentType = 7, HlsTime = 1 },
            AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 64 },
        };
        var result = await RunAsync(template, "out.m3u8");

        await AssertMeasuredAsync(result);
        Assert.Equal("out_init.mp4", result.Files[1].FileName);
        Assert.All(result.Files.Skip(2), f => Assert.EndsWith(".m4s", f.FileName, StringComparison.Ordinal));
        Assert.Contains("#EXT-X-MAP:URI=\"out_init.mp4\"", await File.ReadAllTextAsync(result.Files[0].LocalPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscodeAsync_Preset1010Mp3_AudioOnly()
    {
        var result = await RunAsync(PresetTranscodeTemplates.Find(1010)!, "a.mp3");

        await AssertMeasuredAsync(result);
        Assert.Equal("mp3", result.Item.Container);
        Assert.Empty(result.Item.VideoStreamSet);
        Assert.Equal("mp3", result.Item.AudioStreamSet[0].Codec);
        Assert.Equal("audio/mpeg", result.Files[0].ContentType);
    }

    [Fact]
    public async Task TranscodeAsync_Preset1100M4a_FromAudioOnlySource()
    {
        var result = await RunAsync(PresetTranscodeTemplates.Find(1100)!, "a.m4a", await SourceAsync(d => TestMedia.AudioOnlyAsync(d)));

        await AssertMeasuredAsync(result);
        Assert.Contains("m4a", result.Item.Container, StringComparison.Ordinal);
        Assert.Equal("aac", result.Item.AudioStreamSet[0].Codec);
        Assert.Equal(0, result.Item.Width);
    }

    [Fact]
    public async Task TranscodeAsync_CustomH265AacMp4_Hvc1()
    {
        var template = new TranscodeTemplate
        {
            Container = "mp4",
            VideoTemplate = new VideoTemplateInfo { Codec = "h265", Width = 256, Height = 256, ResolutionAdaptive = "close", FillType = "black", Fps = 15, Gop = 1, GopUnit = "second" },
            AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 48, SampleRate = 48000, AudioChannel = 1 },
        };
        var result = await RunAsync(template, "h265.mp4");

        await AssertMeasuredAsync(result);
        var video = result.Item.VideoStreamSet[0];
        Assert.Equal("hevc", video.Codec);
        Assert.StartsWith("hvc1.", video.Codecs, StringComparison.Ordinal);
        Assert.Equal((256, 256), (result.Item.Width, result.Item.Height));
        Assert.Equal(15, video.Fps);
        Assert.Equal(1, result.Item.AudioStreamSet[0].Channel);
    }

    [Fact]
    public async Task TranscodeAsync_CustomFlac_Lossless()
    {
        var template = new TranscodeTemplate { Container = "flac", AudioTemplate = new AudioTemplateInfo { Codec = "flac", SampleRate = 44100, AudioChannel = 2 } };
        var result = await RunAsync(template, "a.flac");

        await AssertMeasuredAsync(result);
        Assert.Equal("flac", result.Item.Container);
        Assert.Equal(("flac", 44100L, 2L), (result.Item.AudioStreamSet[0].Codec, result.Item.AudioStreamSet[0].SamplingRate, result.Item.AudioStreamSet[0].Channel));
    }

    [Fact]
    public async Task TranscodeAsync_StartAndEndOffsets_ClipLength()
    {
        var source = await SourceAsync(d => TestMedia.VideoWithAudioAsync(d, seconds: 4));
        var result = await RunAsync(PresetTranscodeTemplates.Find(100010)!, "clip.mp4", source, start: 1, end: -1);

        await AssertMeasuredAsync(result);
        Assert.InRange(result.Item.Duration, 1.9, 2.15);
    }

    [Fact]
    public async Task TranscodeAsync_RotatedSource_AutorotatedPortraitOutput()
    {
        var source = await SourceAsync(async d => await TestMedia.RotatedAsync(d, await TestMedia.VideoWithAudioAsync(d)));
        var result = await RunAsync(PresetTranscodeTemplates.Find(100010)!, "portrait.mp4", source);

        await AssertMeasuredAsync(result);
        // Open ResolutionAdaptive: the short side (now the width) gets the rung's 360.
        Assert.Equal((360, 640), (result.Item.Width, result.Item.Height));
        Assert.Equal(0, result.Output.Video!.Rotation);
    }

    [Fact]
    public async Task TranscodeAsync_AudioOnlySourceIntoVideoTemplate_NoVideoMedia()
    {
        var source = await SourceAsync(d => TestMedia.AudioOnlyAsync(d));
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => RunAsync(PresetTranscodeTemplates.Find(100010)!, "x.mp4", source));

        Assert.Equal(MediaErrorCodes.NoVideoMedia, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    [Fact]
    public async Task TranscodeAsync_VideoOnlySourceWithAudioTemplate_OutputWithoutAudio()
    {
        var source = await SourceAsync(d => TestMedia.VideoOnlyAsync(d));
        var result = await RunAsync(PresetTranscodeTemplates.Find(100010)!, "v.mp4", source);

        await AssertMeasuredAsync(result);
        Assert.Empty(result.Item.AudioStreamSet);
        Assert.Single(result.Item.VideoStreamSet);
    }

    [Fact]
    public async Task TranscodeAsync_RefusedTemplateField_ConfigurationUnsupported()
    {
        var template = PresetTranscodeTemplates.Find(100010)! with { VideoTemplate = PresetTranscodeTemplates.Find(100010)!.VideoTemplate! with { BitDepth = 10 } };
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => RunAsync(template, "x.mp4", (dir.File("unused.mp4"), new ProbeResult())));

        Assert.Equal(MediaErrorCodes.ConfigurationUnsupported, failure.ErrCodeExt);
        Assert.Contains("InvalidParameterValue.BitDepth", failure.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
