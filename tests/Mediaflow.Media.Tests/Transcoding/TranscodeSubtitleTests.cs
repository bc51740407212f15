using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>SubtitleTemplate burn-in: the accepted members, refusals naming the member, the ASS style, and real libass output.</summary>
public sealed class TranscodeSubtitleTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Parse_ImplementedMembers_Typed()
    {
        var burnIn = SubtitleBurnIn.Parse(Json("""{"StreamIndex":1,"FontType":"arial.ttf","FontSize":"36px","FontColor":"0xFF8000","FontAlpha":0.5,"Path":"","YPos":null}"""))!;
        Assert.Equal(1, burnIn.StreamIndex);
        Assert.Equal("DejaVu Sans", burnIn.FontFamily);
        Assert.Equal(36, burnIn.FontSizePixels);
        Assert.Equal(0xFF8000, burnIn.FontColor);
        Assert.Equal(0.5, burnIn.FontAlpha);
        Assert.Equal(SubtitleBurnIn.CjkFamily, SubtitleBurnIn.Parse(Json("""{"StreamIndex":0}"""))!.FontFamily);
        Assert.Null(SubtitleBurnIn.Parse(Json("{}")));
        Assert.Null(SubtitleBurnIn.Parse(null));
    }

    [Fact]
    public void Parse_SubtitleFileInput_StoreObjectWithDefaultStreamIndex()
    {
        var burnIn = SubtitleBurnIn.Parse(Json("""{"SubtitleFileInput":{"Type":"COS","CosInputInfo":{"Bucket":"b-1250000000","Region":"ap-guangzhou","Object":"/subs/a.srt"}}}"""))!;
        Assert.Equal(("b-1250000000", "ap-guangzhou", "subs/a.srt"), (burnIn.File!.Bucket, burnIn.File.Region, burnIn.File.Key));
        Assert.Equal(0, burnIn.StreamIndex);
    }

    [Theory]
    [InlineData("""{"Path":"https://example.com/a.srt"}""", "InvalidParameterValue.Path")]
    [InlineData("""{"SubtitleFileInput":{"Type":"URL","UrlInputInfo":{"Url":"https://example.com/a.srt"}}}""", "InvalidParameterValue.SubtitleFileInput")]
    [InlineData("""{"SubtitleFileInput":{"Type":"COS"}}""", "InvalidParameterValue.SubtitleFileInput")]
    [InlineData("""{"StreamIndex":0,"BoardWidth":100}""", "InvalidParameterValue.BoardWidth")]
    [InlineData("""{"FontType":"hei.ttf"}""", "InvalidParameterValue.StreamIndex")]
    [InlineData("""{"StreamIndex":-1}""", "InvalidParameterValue.StreamIndex")]
    [InlineData("""{"StreamIndex":0,"FontType":"comic.ttf"}""", "InvalidParameterValue.FontType")]
    [InlineData("""{"StreamIndex":0,"FontSize":"12pt"}""", "InvalidParameterValue.FontSize")]
    [InlineData("""{"StreamIndex":0,"FontSize":"150%"}""", "InvalidParameterValue.FontSize")]
    [InlineData("""{"StreamIndex":0,"FontColor":"red"}""", "InvalidParameterValue.FontColor")]
    [InlineData("""{"StreamIndex":0,"FontAlpha":0}""", "InvalidParameterValue.FontAlpha")]
    public void Parse_NotImplementedOrInvalid_RefusedNamingTheMember(string json, string code) =>
        Assert.Equal(code, Assert.Throws<ApiException>(() => SubtitleBurnIn.Parse(Json(json))).Code);

    [Fact]
    public void Validate_BurnInOnAudioOnlyOutput_RefusedNamingSubtitleTemplate()
    {
        var preset = PresetTranscodeTemplates.Find(100010)!;
        TranscodeTemplateRules.Validate(preset with { SubtitleTemplate = Json("""{"StreamIndex":0}""") });
        var error = Assert.Throws<ApiException>(() => TranscodeTemplateRules.Validate(preset with { RemoveVideo = 1, SubtitleTemplate = Json("""{"StreamIndex":0}""") }));
        Assert.Equal("InvalidParameterValue.SubtitleTemplate", error.Code);
    }

    [Fact]
    public void SubtitleStyle_PixelsPercentColourAlpha_AssUnits()
    {
        var burnIn = new SubtitleBurnIn { FontFamily = "DejaVu Sans", FontSizePixels = 36, FontColor = 0xFF8000, FontAlpha = 0.5 };
        Assert.Equal("FontName=DejaVu Sans,FontSize=28.8,PrimaryColour=&H800080FF", TranscodePlanner.SubtitleStyle(burnIn, 360));
        Assert.Equal("FontName=WenQuanYi Zen Hei,FontSize=28.8,PrimaryColour=&H00FFFFFF", TranscodePlanner.SubtitleStyle(new SubtitleBurnIn { FontSizePercent = 10 }, 1080));
        Assert.Equal("FontName=WenQuanYi Zen Hei,PrimaryColour=&H00FFFFFF", TranscodePlanner.SubtitleStyle(new SubtitleBurnIn(), 1080));
    }

    private async Task<string> SourceWithSubtitlesAsync()
    {
        var srt = dir.File("sub.srt");
        await File.WriteAllTextAsync(srt, "1\n00:00:00,000 --> 00:00:01,000\nHello 你好\n\n");
        return await TestMedia.GenerateAsync(dir.Path, "subs.mkv",
            ["-f", "lavfi", "-i", "color=c=gray:size=320x180:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-i", srt,
             "-map", "0:v", "-map", "1:a", "-map", "2:s", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-c:s", "srt"]);
    }

    private async Task<TranscodeResult> RunAsync(string source, string subtitleTemplate, string? subtitleFile = null)
    {
        var template = new TranscodeTemplate
        {
            Container = "mp4",
            VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 320, Height = 180, Fps = 25 },
            AudioTemplate = new AudioTemplateInfo { Codec = "aac" },
            SubtitleTemplate = Json(subtitleTemplate),
        };
        TranscodeTemplateRules.Validate(template);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var work = Directory.CreateDirectory(dir.File("work-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        return await media.Executor.TranscodeAsync(
            new TranscodeRequest { SourcePath = source, Source = probe, Template = template, WorkDirectory = work, OutputFileName = "out.mp4", SubtitleFilePath = subtitleFile },
            null,
            CancellationToken.None);
    }

    /// <summary>Pixels of the frame at <paramref name="seconds"/> that are clearly red (the burnt-in text's colour on a grey picture).</summary>
    private async Task<int> RedPixelsAsync(string video, double seconds)
    {
        var name = FormattableString.Invariant($"frame-{seconds}.rgb");
        var raw = await TestMedia.GenerateAsync(dir.Path, name,
            ["-ss", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", video, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24"]);
        var bytes = await File.ReadAllBytesAsync(raw);
        var red = 0;
        for (var i = 0; i + 2 < bytes.Length; i += 3)
        {
            if (bytes[i] > 180 && bytes[i + 1] < 80 && bytes[i + 2] < 80)
            {
                red++;
            }
        }

        return red;
    }

    [Fact]
    public async Task TranscodeAsync_SourceSubtitleTrack_BurntInWhileItIsShown()
    {
        var source = await SourceWithSubtitlesAsync();
        var result = await RunAsync(source, """{"StreamIndex":0,"FontColor":"0xFF0000","FontSize":"20%"}""");

        // CommandLine is shell-quoted for display: check the pieces, not the quoting.
        Assert.Contains($"subtitles=filename={source}:si=0:force_style=", result.CommandLine, StringComparison.Ordinal);
        Assert.Contains("FontName=WenQuanYi Zen Hei,FontSize=57.6,PrimaryColour=&H000000FF", result.CommandLine, StringComparison.Ordinal);
        Assert.True(await RedPixelsAsync(result.Files[0].LocalPath, 0.5) > 200, "no red text while the subtitle is shown");
        Assert.Equal(0, await RedPixelsAsync(result.Files[0].LocalPath, 1.5));
        Assert.Equal((320L, 180L), ((await Ffprobe.VideoAsync(result.Files[0].LocalPath)).Width, (await Ffprobe.VideoAsync(result.Files[0].LocalPath)).Height));
    }

    [Fact]
    public async Task TranscodeAsync_SubtitleFileWithoutExtension_BurntInWhileItIsShown()
    {
        // A store blob has no file extension: libass/ffmpeg must find the format from the content.
        var blob = dir.File("blob-0123");
        await File.WriteAllTextAsync(blob, "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
        var source = await TestMedia.GenerateAsync(dir.Path, "gray.mp4",
            ["-f", "lavfi", "-i", "color=c=gray:size=320x180:rate=25:duration=2", "-f", "lavfi", "-i", "sine=duration=2",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"]);
        var result = await RunAsync(source,
            """{"SubtitleFileInput":{"Type":"COS","CosInputInfo":{"Bucket":"b-1250000000","Region":"ap-guangzhou","Object":"/subs/a.vtt"}},"FontColor":"0xFF0000","FontSize":"20%"}""",
            blob);

        Assert.Contains($"subtitles=filename={blob}:si=0:force_style=", result.CommandLine, StringComparison.Ordinal);
        Assert.True(await RedPixelsAsync(result.Files[0].LocalPath, 0.5) > 200, "no red text while the subtitle is shown");
        Assert.Equal(0, await RedPixelsAsync(result.Files[0].LocalPath, 1.5));
    }

    [Fact]
    public async Task TranscodeAsync_StreamIndexBeyondSourceTracks_PermanentContentUnsupported()
    {
        var source = await SourceWithSubtitlesAsync();
        var failure = await Assert.ThrowsAsync<MediaFailure>(() => RunAsync(source, """{"StreamIndex":3}"""));
        Assert.Equal(MediaErrorCodes.ContentUnsupported, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
