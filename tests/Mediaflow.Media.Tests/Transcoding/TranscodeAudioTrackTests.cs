using System.Globalization;
using System.Text.Json;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>
/// AudioTemplateInfo StreamSelects, AudioLanguage, AudioName, DefaultTrack and AudioChannel 6: the planned arguments,
/// and what an independent ffprobe reads back from real outputs.
/// </summary>
public sealed class TranscodeAudioTrackTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private static readonly ProbeResult ThreeTracks = new()
    {
        Container = "matroska,webm",
        Duration = 4,
        VideoStreams = [new ProbedVideoTrack { Codec = "h264", CodedWidth = 320, CodedHeight = 180, FpsNumerator = 25, FpsDenominator = 1 }],
        AudioStreams =
        [
            new ProbedAudioTrack { Index = 1, Codec = "aac", SampleRate = 48000, Channels = 2, Language = "eng" },
            new ProbedAudioTrack { Index = 2, Codec = "aac", SampleRate = 48000, Channels = 2 },
            new ProbedAudioTrack { Index = 3, Codec = "aac", SampleRate = 48000, Channels = 2, Language = "jpn" },
        ],
    };

    private static TranscodeTemplate Mkv(AudioTemplateInfo audio) => new()
    {
        Container = "mkv",
        VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 320, Height = 180, Fps = 25 },
        AudioTemplate = audio,
    };

    private static TranscodePlan Plan(TranscodeTemplate template, string output = "out.mkv") => TranscodePlanner.Plan(
        new TranscodeRequest { SourcePath = "/w/src.mkv", Source = ThreeTracks, Template = template, WorkDirectory = "/w", OutputFileName = output },
        new MediaOptions());

    private static string Args(TranscodeTemplate template) => " " + string.Join(' ', FfmpegArgumentRenderer.Render(Plan(template).Job)) + " ";

    [Fact]
    public void Plan_LanguageNameDefault_TagsOfTheAudioTrack()
    {
        var args = Args(Mkv(new AudioTemplateInfo { Codec = "aac", Bitrate = 96, AudioLanguage = "fra", AudioName = "Director commentary", DefaultTrack = false }));
        Assert.Contains(" -map 0:a:0 ", args, StringComparison.Ordinal);
        Assert.Contains(" -c:a aac -b:a 96000 -metadata:s:a:0 language=fra -metadata:s:a:0 title=Director commentary -metadata:s:a:0 handler_name=Director commentary -disposition:a:0 0 ", args, StringComparison.Ordinal);

        // Nothing asked: no tag and no disposition option (ffmpeg's own default track).
        var plain = Args(Mkv(new AudioTemplateInfo { Codec = "aac", DefaultTrack = true }));
        Assert.DoesNotContain("-metadata:s:a", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("-disposition:a", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SourceLanguage_CopiesEachTracksTag()
    {
        var first = Plan(Mkv(new AudioTemplateInfo { Codec = "aac", AudioLanguage = "source" })).Job.Outputs[0];
        Assert.Equal("eng", first.Audio!.Language);

        var untagged = Plan(Mkv(new AudioTemplateInfo { Codec = "aac", AudioLanguage = "source", StreamSelects = [1] })).Job.Outputs[0];
        Assert.Null(untagged.Audio!.Language);
        Assert.Equal(["[vout]", "0:a:1"], untagged.Maps);
    }

    [Fact]
    public void Plan_StreamSelects_SeveralTracksEncodedAlikeFirstDefault()
    {
        var template = Mkv(new AudioTemplateInfo { Codec = "opus", Bitrate = 64, SampleRate = 48000, AudioChannel = 2, AudioLanguage = "source", StreamSelects = [2, 0] });
        var output = Plan(template).Job.Outputs[0];
        Assert.Null(output.Audio);
        Assert.Equal(["[vout]", "0:a:2", "0:a:0"], output.Maps);
        Assert.Equal(["jpn", "eng"], output.AudioStreams.Select(a => a.Language));
        Assert.All(output.AudioStreams, a => Assert.Equal(("libopus", 64000L, 48000L, 2), (a.Encoder, a.Bitrate!.Value, a.SampleRate!.Value, a.Channels!.Value)));

        var args = Args(template);
        Assert.Contains(" -c:a:0 libopus -b:a:0 64000 -ar:a:0 48000 -ac:a:0 2 -metadata:s:a:0 language=jpn -disposition:a:0 default ", args, StringComparison.Ordinal);
        Assert.Contains(" -c:a:1 libopus -b:a:1 64000 -ar:a:1 48000 -ac:a:1 2 -metadata:s:a:1 language=eng -disposition:a:1 0 ", args, StringComparison.Ordinal);

        var noDefault = Plan(Mkv(new AudioTemplateInfo { Codec = "aac", StreamSelects = [0, 1], DefaultTrack = false })).Job.Outputs[0];
        Assert.Equal(new bool?[] { false, false }, noDefault.AudioStreams.Select(a => a.Default));
    }

    [Fact]
    public void Plan_StreamSelectsBeyondTheSource_PermanentContentUnsupported()
    {
        var failure = Assert.Throws<MediaFailure>(() => Plan(Mkv(new AudioTemplateInfo { Codec = "aac", StreamSelects = [0, 3] })));
        Assert.Equal(MediaErrorCodes.ContentUnsupported, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    [Fact]
    public void Plan_AudioChannel6_AcSix()
    {
        Assert.Contains(" -c:a eac3 -ac 6 ", Args(Mkv(new AudioTemplateInfo { Codec = "eac3", AudioChannel = 6 })), StringComparison.Ordinal);
    }

    private async Task<string> ThreeTrackSourceAsync() =>
        await TestMedia.GenerateAsync(dir.Path, "three.mkv",
        [
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=1",
            "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=48000:duration=1",
            "-f", "lavfi", "-i", "sine=frequency=600:sample_rate=48000:duration=1",
            "-f", "lavfi", "-i", "sine=frequency=1200:sample_rate=48000:duration=1",
            "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:a",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "flac",
            "-metadata:s:a:0", "language=eng", "-metadata:s:a:2", "language=jpn",
        ]);

    private async Task<string> RunAsync(string source, TranscodeTemplate template, string outputName)
    {
        TranscodeTemplateRules.Validate(template);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var work = Directory.CreateDirectory(dir.File("work-" + outputName)).FullName;
        var result = await media.Executor.TranscodeAsync(
            new TranscodeRequest { SourcePath = source, Source = probe, Template = template, WorkDirectory = work, OutputFileName = outputName },
            null,
            CancellationToken.None);
        return result.Files[0].LocalPath;
    }

    private sealed record AudioStream(long Channels, string? Layout, bool Default, string? Language, string? Title, string? Handler);

    private static async Task<List<AudioStream>> AudioStreamsAsync(string path)
    {
        var json = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "a", "-show_entries",
            "stream=channels,channel_layout:stream_disposition=default:stream_tags=language,title,handler_name", "-of", "json", path);
        using var doc = JsonDocument.Parse(json[..(json.LastIndexOf('}') + 1)]);
        static string? Tag(JsonElement s, string name) =>
            s.TryGetProperty("tags", out var tags)
                ? tags.EnumerateObject().Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).Select(t => t.Value.GetString()).FirstOrDefault()
                : null;
        return [.. doc.RootElement.GetProperty("streams").EnumerateArray().Select(s => new AudioStream(
            s.GetProperty("channels").GetInt64(),
            s.TryGetProperty("channel_layout", out var l) ? l.GetString() : null,
            s.GetProperty("disposition").GetProperty("default").GetInt32() == 1,
            Tag(s, "language"), Tag(s, "title"), Tag(s, "handler_name")))];
    }

    /// <summary>Which tags each muxer keeps: mp4/mov language + handler name, Matroska language + title, MPEG-TS language only.</summary>
    [Theory]
    [InlineData("mp4", "h264", "aac", "Commentary", null, true)]
    [InlineData("mov", "h264", "aac", "Commentary", null, true)]
    [InlineData("mkv", "h264", "aac", "Commentary", false, false)]
    [InlineData("webm", "vp9", "opus", "Commentary", false, false)]
    [InlineData("ts", "h264", "aac", null, null, false)]
    public async Task TranscodeAsync_LanguageNameDefault_FfprobeReadsThemBack(string container, string videoCodec, string audioCodec, string? name, bool? defaultTrack, bool probedDefault)
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path, seconds: 1);
        var template = new TranscodeTemplate
        {
            Container = container,
            VideoTemplate = new VideoTemplateInfo { Codec = videoCodec, Width = 256, Height = 144, Fps = 25, Bitrate = 300 },
            AudioTemplate = new AudioTemplateInfo { Codec = audioCodec, SampleRate = 48000, AudioLanguage = "fra", AudioName = name, DefaultTrack = defaultTrack },
        };
        var streams = await AudioStreamsAsync(await RunAsync(source, template, "tags." + container));

        var stream = Assert.Single(streams);
        Assert.Equal("fra", stream.Language);
        Assert.Equal(probedDefault, stream.Default);
        if (name is not null)
        {
            // mp4/mov keep the name as the handler name; Matroska as the title.
            Assert.Equal(name, container is "mp4" or "mov" ? stream.Handler : stream.Title);
        }
    }

    [Fact]
    public async Task TranscodeAsync_StreamSelects_TheChosenSourceTracksInOrder()
    {
        var source = await ThreeTrackSourceAsync();
        var template = Mkv(new AudioTemplateInfo { Codec = "aac", Bitrate = 64, AudioChannel = 1, AudioLanguage = "source", AudioName = "Dub", StreamSelects = [2, 0] });
        var output = await RunAsync(source, template, "selects.mkv");

        var streams = await AudioStreamsAsync(output);
        Assert.Equal(["jpn", "eng"], streams.Select(s => s.Language));
        Assert.Equal([true, false], streams.Select(s => s.Default));
        Assert.All(streams, s => Assert.Equal((1L, "Dub"), (s.Channels, s.Title)));

        // The tracks really are source tracks 2 and 0: their dominant frequencies (1200 Hz, 300 Hz) by zero crossings.
        Assert.InRange(await FrequencyAsync(output, 0), 1100, 1300);
        Assert.InRange(await FrequencyAsync(output, 1), 250, 350);
    }

    /// <summary>A sine's frequency from the zero crossings of 0.5 s of decoded mono samples.</summary>
    private async Task<double> FrequencyAsync(string path, int track)
    {
        var raw = dir.File(FormattableString.Invariant($"track{track}.s16"));
        await Ffprobe.RunAsync("ffmpeg", "-v", "error", "-y", "-i", path, "-map", FormattableString.Invariant($"0:a:{track}"),
            "-t", "0.5", "-ac", "1", "-ar", "48000", "-f", "s16le", raw);
        var bytes = await File.ReadAllBytesAsync(raw);
        var samples = Enumerable.Range(0, bytes.Length / 2).Select(i => BitConverter.ToInt16(bytes, i * 2)).ToArray();
        var crossings = samples.Zip(samples.Skip(1)).Count(p => p.First < 0 && p.Second >= 0);
        return crossings / (samples.Length / 48000.0);
    }

    [Theory]
    [InlineData("m4a", "aac")]
    [InlineData("ogg", "opus")]
    [InlineData("flac", "flac")]
    [InlineData("wav", "pcm16")]
    [InlineData("mkv", "ac3")]
    [InlineData("mkv", "eac3")]
    public async Task TranscodeAsync_AudioChannel6_SixChannelsFrontPairCarriesTheStereo(string container, string codec)
    {
        var source = await TestMedia.GenerateAsync(dir.Path, "stereo.m4a",
            ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1", "-ac", "2", "-c:a", "aac", "-b:a", "96k"]);
        var template = new TranscodeTemplate
        {
            Container = container,
            RemoveVideo = 1,
            AudioTemplate = new AudioTemplateInfo { Codec = codec, AudioChannel = 6, SampleRate = 48000 },
        };
        var output = await RunAsync(source, template, "six." + container);

        var stream = Assert.Single(await AudioStreamsAsync(output));
        Assert.Equal(6, stream.Channels);
        // -ac 6 from a stereo source puts the signal on the front pair and leaves the other four channels silent.
        var levels = await Ffprobe.RunAsync("ffmpeg", "-v", "info", "-nostats", "-i", output, "-af", "astats=measure_perchannel=RMS_level:measure_overall=none", "-f", "null", "-");
        var rms = levels.Split('\n').Where(l => l.Contains("RMS level dB:", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf(':') + 1)..].Trim()).Select(v => v == "-inf" ? double.NegativeInfinity : double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, rms.Count);
        Assert.All(rms.Take(2), r => Assert.True(r > -40, $"front channel at {r} dB"));
        Assert.All(rms.Skip(2), r => Assert.True(r < -60, $"surround channel at {r} dB"));
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
