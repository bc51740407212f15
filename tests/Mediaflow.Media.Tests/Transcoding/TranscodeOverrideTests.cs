using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>
/// TranscodeTaskInput.OverrideParameter: node-level refusals, the merge over a stored template, the merged result
/// validated as a template (refusal naming the field), and a real transcode of an overridden preset.
/// </summary>
public sealed class TranscodeOverrideTests : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = false };

    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private static List<Activity> Node(string transcodeTask) => JsonSerializer.Deserialize<List<Activity>>(
        """[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":"""
        + transcodeTask + """}},{"ActivityType":"output"}]""", Wire)!;

    private static OverrideTranscodeParameter Override(string json) => JsonSerializer.Deserialize<OverrideTranscodeParameter>(json, Wire)!;

    [Theory]
    [InlineData("""{"Definition":0,"RawParameter":{"Container":"mp4","RemoveAudio":1,"VideoTemplate":{"Codec":"h264"}},"OverrideParameter":{"Container":"flv"}}""", "InvalidParameterValue.OverrideParameter")]
    [InlineData("""{"Definition":100010,"OverrideParameter":{"AddOnSubtitles":[{"Type":"subtitle-stream"}]}}""", "InvalidParameterValue.AddOnSubtitles")]
    [InlineData("""{"Definition":100010,"OverrideParameter":{"AddonAudioStream":[{"Type":"COS"}]}}""", "InvalidParameterValue.AddonAudioStream")]
    [InlineData("""{"Definition":100010,"OverrideParameter":{"Containers":"flv"}}""", "InvalidParameterValue.Containers")]
    public void ValidateActivities_OverrideNotApplicable_RefusedNamingTheField(string transcodeTask, string code)
    {
        var error = Assert.Throws<ApiException>(() => OrchestrationRules.ValidateActivities(Node(transcodeTask)));
        Assert.Equal(code, error.Code);
        Assert.StartsWith("Activities[1]: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateActivities_OverrideWithEmptyAddOnListsAndMembers_Accepted()
    {
        OrchestrationRules.ValidateActivities(Node("""{"Definition":100010,"OverrideParameter":{"Container":"flv","AddOnSubtitles":[],"AddonAudioStream":null}}"""));
        var node = Node("""{"Definition":100010,"OverrideParameter":{"Container":"flv"}}""")[1].ActivityPara!.TranscodeTask!;
        Assert.Equal("flv", node.OverrideParameter!.Container);
        Assert.Null(node.NotYetSupported);
    }

    [Fact]
    public void Apply_MembersMergedOverPreset_OthersKept()
    {
        var preset = PresetTranscodeTemplates.Find(100030)!;
        var merged = TranscodeOverrides.Apply(preset, Override("""{"Container":"flv","VideoTemplate":{"Width":0,"Height":480,"Bframes":-1},"AudioTemplate":{"SampleRate":22050}}"""));

        Assert.Equal("flv", merged.Container);
        Assert.Equal(480, merged.VideoTemplate!.Height);
        Assert.Equal(0, merged.VideoTemplate.Width);
        Assert.Null(merged.VideoTemplate.Bframes);
        Assert.Equal(preset.VideoTemplate!.Codec, merged.VideoTemplate.Codec);
        Assert.Equal(preset.VideoTemplate.Bitrate, merged.VideoTemplate.Bitrate);
        Assert.Equal(preset.VideoTemplate.Fps, merged.VideoTemplate.Fps);
        Assert.Equal(22050, merged.AudioTemplate!.SampleRate);
        Assert.Equal(preset.AudioTemplate!.Codec, merged.AudioTemplate.Codec);
        Assert.Equal(preset.AudioTemplate.Bitrate, merged.AudioTemplate.Bitrate);
        Assert.Same(preset, TranscodeOverrides.Apply(preset, null));
    }

    [Theory]
    [InlineData("""{"Container":"webm"}""", "InvalidParameterValue.VideoCodec")]
    [InlineData("""{"VideoTemplate":{"Codec":"vp9"}}""", "InvalidParameterValue.VideoCodec")]
    [InlineData("""{"RemoveVideo":1,"RemoveAudio":1}""", "InvalidParameterValue.RemoveAudio")]
    [InlineData("""{"VideoTemplate":{"Mode":"CBR","Vcrf":23}}""", "InvalidParameterValue.Vcrf")]
    [InlineData("""{"AudioTemplate":{"Codec":"mp3","AudioChannel":6}}""", "InvalidParameterValue.AudioChannel")]
    [InlineData("""{"TEHDConfig":{"Type":"TEHD-200"}}""", "InvalidParameterValue.TEHDType")] // TEHD-100 runs; the audio TEHD-200 is refused
    public void ApplyAndValidate_ImpossibleResult_RefusedNamingTheField(string overrides, string code)
    {
        var preset = PresetTranscodeTemplates.Find(100010)!;
        var error = Assert.Throws<ApiException>(() => TranscodeOverrides.ApplyAndValidate(2, preset, Override(overrides)));
        Assert.Equal(code, error.Code);
        Assert.StartsWith("Activities[2]: OverrideParameter on template 100010: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyAndValidate_PossibleResult_ReturnsMerged()
    {
        var preset = PresetTranscodeTemplates.Find(100010)!;
        var merged = TranscodeOverrides.ApplyAndValidate(0, preset, Override("""{"Container":"webm","VideoTemplate":{"Codec":"vp9"},"AudioTemplate":{"Codec":"opus","SampleRate":48000}}"""));
        Assert.Equal(("webm", "vp9", "opus"), (merged.Container, merged.VideoTemplate!.Codec, merged.AudioTemplate!.Codec));
    }

    [Fact]
    public async Task TranscodeAsync_PresetWithOverride_OutputFollowsTheOverride()
    {
        var template = TranscodeOverrides.ApplyAndValidate(1, PresetTranscodeTemplates.Find(100010)!,
            Override("""{"Container":"flv","VideoTemplate":{"Width":0,"Height":144,"Fps":15},"AudioTemplate":{"SampleRate":22050,"AudioChannel":1}}"""));
        var source = await TestMedia.VideoWithAudioAsync(dir.Path, seconds: 1);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var work = Directory.CreateDirectory(dir.File("work")).FullName;
        var result = await media.Executor.TranscodeAsync(
            new TranscodeRequest { SourcePath = source, Source = probe, Template = template, WorkDirectory = work, OutputFileName = "out.flv" },
            null,
            CancellationToken.None);

        var json = await Ffprobe.RunAsync("ffprobe", "-v", "error", "-show_entries",
            "format=format_name:stream=codec_name,width,height,r_frame_rate,sample_rate,channels", "-of", "json", result.Files[0].LocalPath);
        using var doc = JsonDocument.Parse(json[..(json.LastIndexOf('}') + 1)]);
        Assert.Equal("flv", doc.RootElement.GetProperty("format").GetProperty("format_name").GetString());
        var streams = doc.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.Single(s => s.TryGetProperty("width", out _));
        var audio = streams.Single(s => s.TryGetProperty("sample_rate", out _));
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal((256, 144), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        Assert.Equal("15/1", video.GetProperty("r_frame_rate").GetString());
        Assert.Equal("aac", audio.GetProperty("codec_name").GetString());
        Assert.Equal("22050", audio.GetProperty("sample_rate").GetString());
        Assert.Equal(1, audio.GetProperty("channels").GetInt32());
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
