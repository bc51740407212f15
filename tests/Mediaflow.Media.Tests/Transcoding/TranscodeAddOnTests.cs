using System.Globalization;
using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>
/// OverrideParameter.AddonAudioStream and AddOnSubtitles: the rules (refusals name the member), the rendered mapping,
/// and real transcodes of a 2 s 320×180 source whose outputs are read back with ffprobe and ffmpeg (stream counts,
/// durations, language/title tags, cue text and timing extracted again as SRT).
/// </summary>
public sealed class TranscodeAddOnTests : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = false };

    private const string Srt = "1\n00:00:00,200 --> 00:00:00,900\nHello there\n\n2\n00:00:01,100 --> 00:00:01,800\nSecond cue\n";
    private const string Vtt = "WEBVTT\n\n00:00:00.200 --> 00:00:00.900\nHello there\n\n00:00:01.100 --> 00:00:01.800\nSecond cue\n";
    private const string Ass = "[Script Info]\nScriptType: v4.00+\nPlayResX: 384\nPlayResY: 288\n\n[V4+ Styles]\n"
        + "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
        + "Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\n\n[Events]\n"
        + "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        + "Dialogue: 0,0:00:00.20,0:00:00.90,Default,,0,0,0,,Hello there\nDialogue: 0,0:00:01.10,0:00:01.80,Default,,0,0,0,,Second cue\n";

    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private static TranscodeTemplate Template(string container, string video = "h264", string audio = "aac") => new()
    {
        Container = container,
        VideoTemplate = new VideoTemplateInfo { Codec = video, Fps = 25, Width = 320, Height = 180 },
        AudioTemplate = new AudioTemplateInfo { Codec = audio, Bitrate = 64, SampleRate = 48000, AudioChannel = 2 },
    };

    private static List<Activity> Node(string transcodeTask) => JsonSerializer.Deserialize<List<Activity>>(
        """[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":"""
        + transcodeTask + """}},{"ActivityType":"output"}]""", Wire)!;

    private static OverrideTranscodeParameter Override(string json) => JsonSerializer.Deserialize<OverrideTranscodeParameter>(json, Wire)!;

    private const string Cos = """{"Type":"COS","CosInputInfo":{"Bucket":"b-1","Region":"ap-guangzhou","Object":"/a.srt"}}""";

    [Theory]
    [InlineData("""{"AddOnSubtitles":[{"Type":"close-caption-608","Subtitle":""" + Cos + """}]}""", "InvalidParameterValue.AddOnSubtitles")]
    [InlineData("""{"AddOnSubtitles":[{"Type":"close-caption-708","Subtitle":""" + Cos + """}]}""", "InvalidParameterValue.AddOnSubtitles")]
    [InlineData("""{"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":{"Type":"URL"}}]}""", "InvalidParameterValue.AddOnSubtitles")]
    [InlineData("""{"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":""" + Cos + ""","SubtitleLanguage":"english!"}]}""", "InvalidParameterValue.SubtitleLanguage")]
    [InlineData("""{"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":""" + Cos + ""","OutputFormat":"TTML"}]}""", "InvalidParameterValue.OutputFormat")]
    [InlineData("""{"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":""" + Cos + ""","SubtitleName":"a\nb"}]}""", "InvalidParameterValue.SubtitleName")]
    [InlineData("""{"AddonAudioStream":[{"Type":"COS","CosInputInfo":{"Bucket":"b-1"}}]}""", "InvalidParameterValue.AddonAudioStream")]
    public void ValidateActivities_BadAddOn_RefusedNamingTheMember(string overrides, string code)
    {
        var error = Assert.Throws<ApiException>(() => OrchestrationRules.ValidateActivities(Node($$$"""{"Definition":100010,"OverrideParameter":{{{overrides}}}}""")));
        Assert.Equal(code, error.Code);
        Assert.StartsWith("Activities[1]: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateActivities_StoreObjects_Accepted() =>
        OrchestrationRules.ValidateActivities(Node($$$"""{"Definition":100010,"OverrideParameter":{"AddonAudioStream":[{{{Cos}}}],"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":{{{Cos}}},"SubtitleLanguage":"eng","SubtitleName":"English","OutputFormat":"WebVTT","DefaultTrack":true}]}}"""));

    [Theory]
    [InlineData("flv", """{"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":""" + Cos + """}]}""", "InvalidParameterValue.AddOnSubtitles")]
    [InlineData("hls", """{"AddOnSubtitles":[{"Type":"subtitle-stream","Subtitle":""" + Cos + """}]}""", "InvalidParameterValue.AddOnSubtitles")]
    [InlineData("flv", """{"AddonAudioStream":[""" + Cos + """]}""", "InvalidParameterValue.AddonAudioStream")]
    [InlineData("mp3", """{"AddonAudioStream":[""" + Cos + """]}""", "InvalidParameterValue.AddonAudioStream")]
    public void ApplyAndValidate_ContainerWithoutRoom_RefusedNamingTheMember(string container, string overrides, string code)
    {
        var preset = container == "mp3" ? PresetTranscodeTemplates.Find(1010)! : PresetTranscodeTemplates.Find(100010)!;
        var o = Override(overrides) with { Container = container };

        var error = Assert.Throws<ApiException>(() => TranscodeOverrides.ApplyAndValidate(1, preset, o));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void ApplyAndValidate_AddonAudioOnAnOutputWithoutAudio_RefusedNamingAddonAudioStream()
    {
        var o = Override("""{"RemoveAudio":1,"AddonAudioStream":[""" + Cos + "]}");

        var error = Assert.Throws<ApiException>(() => TranscodeOverrides.ApplyAndValidate(1, PresetTranscodeTemplates.Find(100010)!, o));

        Assert.Equal("InvalidParameterValue.AddonAudioStream", error.Code);
    }

    [Theory]
    [InlineData("WEBVTT\n\n", "webvtt")]
    [InlineData("\uFEFFWEBVTT\n", "webvtt")]
    [InlineData("[Script Info]\nTitle: x\n", "ass")]
    [InlineData("1\n00:00:00,000 --> 00:00:01,000\nx\n", "srt")]
    public void Format_SubtitleFileHead_Demuxer(string head, string format) =>
        Assert.Equal(format, SubtitleFiles.Format(System.Text.Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Plan_AddOnTracks_MappedAfterTheMainStreamsWithTheirEncodersAndTags()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var subtitle = await File(dir, "a.srt", Srt);

        var plan = TranscodePlanner.Plan(new TranscodeRequest
        {
            SourcePath = source, Source = probe, Template = Template("mp4"), WorkDirectory = dir.Path, OutputFileName = "out.mp4",
            AddonAudio = [new ClipSource(source, probe)],
            AddOnSubtitles = [await AddOnSubtitleFile.ReadAsync(subtitle, "English", "eng", true, CancellationToken.None)],
        }, media.Options);

        var args = FfmpegArgumentRenderer.Render(plan.Job);
        Assert.Equal(["[vout]", "0:a:0", "1:a:0", "2:s:0"], plan.Job.Outputs[0].Maps);
        Assert.Equal(3, plan.Job.Inputs.Count);
        Assert.Contains("-c:a:1", args);
        Assert.Equal("mov_text", args[args.ToList().IndexOf("-c:s:0") + 1]);
        Assert.Contains("language=eng", args);
        Assert.Contains("title=English", args);
        Assert.DoesNotContain("-sn", args);
    }

    [Fact]
    public async Task TranscodeAsync_Mp4WithTwoAddonAudioAndASubtitle_StreamsTagsAndCuesRoundTrip()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var longer = await TestMedia.GenerateAsync(dir.Path, "long.m4a", ["-f", "lavfi", "-i", "sine=frequency=660:sample_rate=44100:duration=4", "-c:a", "aac"]);
        var shorter = await TestMedia.GenerateAsync(dir.Path, "short.wav", ["-f", "lavfi", "-i", "sine=frequency=880:sample_rate=22050:duration=2"]);
        var subtitle = await File(dir, "a.srt", Srt);

        var output = await TranscodeAsync(source, Template("mp4"), "out.mp4",
            [new ClipSource(longer, await media.Prober.ProbeAsync(longer, CancellationToken.None)), new ClipSource(shorter, await media.Prober.ProbeAsync(shorter, CancellationToken.None))],
            [await AddOnSubtitleFile.ReadAsync(subtitle, "English", "eng", true, CancellationToken.None)]);

        var streams = await StreamsAsync(output);
        Assert.Equal(["video", "audio", "audio", "audio", "subtitle"], streams.Select(s => s.Type));
        foreach (var audio in streams.Where(s => s.Type == "audio"))
        {
            Assert.Equal(("aac", 48000, 2), (audio.Codec, audio.SampleRate, audio.Channels));
            Assert.InRange(audio.Duration, 1.9, 2.1); // the 4 s track is cut to the 2 s output
        }

        var sub = streams[^1];
        Assert.Equal(("mov_text", "eng", "English"), (sub.Codec, sub.Language, sub.Handler));
        Assert.Equal(Cues(Srt), await CuesAsync(output));
    }

    [Theory]
    [InlineData("mkv", "a.srt", Srt, "subrip")]
    [InlineData("mkv", "a.ass", Ass, "ass")]
    [InlineData("mkv", "a.vtt", Vtt, "webvtt")]
    [InlineData("webm", "a.vtt", Vtt, "webvtt")]
    [InlineData("webm", "a.srt", Srt, "webvtt")]
    public async Task TranscodeAsync_SubtitleInContainer_CodecLanguageAndCues(string container, string name, string content, string codec)
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var subtitle = await File(dir, name, content);
        var template = container == "webm" ? Template("webm", "vp8", "opus") : Template("mkv");

        var output = await TranscodeAsync(source, template, "out." + container, [],
            [await AddOnSubtitleFile.ReadAsync(subtitle, "Deutsch", "ger", false, CancellationToken.None)]);

        var sub = (await StreamsAsync(output)).Single(s => s.Type == "subtitle");
        Assert.Equal((codec, "ger", "Deutsch"), (sub.Codec, sub.Language, sub.Title));
        Assert.Equal(Cues(Srt), await CuesAsync(output));
    }

    [Fact]
    public async Task TranscodeAsync_AddonWithoutAudio_PermanentContentUnsupported()
    {
        var source = await TestMedia.VideoWithAudioAsync(dir.Path);
        var silent = await TestMedia.VideoOnlyAsync(dir.Path);

        var silentTrack = new ClipSource(silent, await media.Prober.ProbeAsync(silent, CancellationToken.None));

        var failure = await Assert.ThrowsAsync<MediaFailure>(() => TranscodeAsync(source, Template("mp4"), "out.mp4", [silentTrack], []));

        Assert.Equal((MediaErrorCodes.ContentUnsupported, false), (failure.ErrCodeExt, failure.Retryable));
        Assert.Contains("AddonAudioStream[0]", failure.Message, StringComparison.Ordinal);
    }

    private async Task<string> TranscodeAsync(string source, TranscodeTemplate template, string name, IReadOnlyList<ClipSource> audio, IReadOnlyList<AddOnSubtitleFile> subtitles)
    {
        var work = Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var result = await media.Executor.TranscodeAsync(new TranscodeRequest
        {
            SourcePath = source, Source = await media.Prober.ProbeAsync(source, CancellationToken.None), Template = template,
            WorkDirectory = work, OutputFileName = name, AddonAudio = audio, AddOnSubtitles = subtitles,
        }, null, CancellationToken.None);
        return result.Files[0].LocalPath;
    }

    private static async Task<string> File(TempDirectory directory, string name, string content)
    {
        var path = directory.File(name);
        await System.IO.File.WriteAllTextAsync(path, content);
        return path;
    }

    private sealed record Stream(string Type, string Codec, double Duration, int SampleRate, int Channels, string? Language, string? Title, string? Handler);

    private static async Task<List<Stream>> StreamsAsync(string path)
    {
        using var json = JsonDocument.Parse(await Ffprobe.RunAsync("ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format", path));
        var formatDuration = double.Parse(json.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        string? Tag(JsonElement s, string key) =>
            s.TryGetProperty("tags", out var tags) ? tags.EnumerateObject().FirstOrDefault(t => t.Name.Equals(key, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null : null;
        return [.. json.RootElement.GetProperty("streams").EnumerateArray().Select(s => new Stream(
            s.GetProperty("codec_type").GetString()!,
            s.GetProperty("codec_name").GetString()!,
            s.TryGetProperty("duration", out var d) ? double.Parse(d.GetString()!, CultureInfo.InvariantCulture)
                : Tag(s, "DURATION") is { } md ? TimeSpan.Parse(md[..Math.Min(md.Length, 16)], CultureInfo.InvariantCulture).TotalSeconds : formatDuration,
            s.TryGetProperty("sample_rate", out var r) ? int.Parse(r.GetString()!, CultureInfo.InvariantCulture) : 0,
            s.TryGetProperty("channels", out var c) ? c.GetInt32() : 0,
            Tag(s, "language"), Tag(s, "title"), Tag(s, "handler_name")))];
    }

    /// <summary>
    /// The first subtitle stream extracted again as SRT by ffmpeg, reduced to (start, end, text) cues, its times measured
    /// from the first video frame (a muxer may shift every stream by the audio encoder's priming, e.g. 21 ms in MKV).
    /// Subtitle and video stay in step either way; what is compared is the cue's time on the video's timeline.
    /// </summary>
    private async Task<List<string>> CuesAsync(string output)
    {
        var srt = dir.File("cues-" + Guid.NewGuid().ToString("N")[..8] + ".srt");
        await Ffprobe.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", output, "-map", "0:s:0", "-c:s", "subrip", "-f", "srt", srt);
        // ffmpeg reads the file from its own start (the earliest stream, e.g. WebM's −7 ms Opus priming).
        var starts = (await Ffprobe.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=start_time:format=start_time", "-of", "csv=p=0", output))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToList();
        var shift = TimeSpan.FromSeconds(starts[0] - starts[1]);
        return Cues(await System.IO.File.ReadAllTextAsync(srt), shift);
    }

    private static List<string> Cues(string srt, TimeSpan shift = default) =>
        [.. srt.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(block => block.Split('\n'))
            .Where(lines => lines.Length >= 3)
            .Select(lines => $"{Shift(lines[1], shift)} {string.Join(' ', lines[2..])}")];

    private static string Shift(string timing, TimeSpan shift)
    {
        const string format = @"hh\:mm\:ss\,fff";
        var parts = timing.Split(" --> ");
        string One(string t) => (TimeSpan.ParseExact(t, format, CultureInfo.InvariantCulture) - shift).ToString(format, CultureInfo.InvariantCulture);
        return $"{One(parts[0])} --> {One(parts[1])}";
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
