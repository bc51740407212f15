using Mediaflow.Domain.Templates;
using Mediaflow.Media.Tests.Support;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

/// <summary>HLS SegmentType 2 / 5: one media file addressed by <c>#EXT-X-BYTERANGE</c>, read back by ffprobe through the playlist.</summary>
public sealed class TranscodeByteRangeTests : IAsyncDisposable
{
    private readonly TempDirectory dir = new();
    private readonly MediaServices media = new();

    [Theory]
    [InlineData(2L, "out.ts", "mpegts")]
    [InlineData(5L, "out.mp4", "fmp4")]
    public async Task TranscodeAsync_ByteRangeHls_OneMediaFileAndByteRanges(long segmentType, string mediaFile, string segmentFormat)
    {
        var template = new TranscodeTemplate
        {
            Container = "hls",
            VideoTemplate = new VideoTemplateInfo { Codec = "h264", Width = 320, Height = 0, Fps = 25, SegmentType = segmentType, HlsTime = 1 },
            AudioTemplate = new AudioTemplateInfo { Codec = "aac", Bitrate = 64 },
        };
        TranscodeTemplateRules.Validate(template);
        Assert.True(TranscodePlanner.IsByteRange(template));
        var source = await TestMedia.VideoWithAudioAsync(dir.Path, seconds: 3);
        var probe = await media.Prober.ProbeAsync(source, CancellationToken.None);
        var work = Directory.CreateDirectory(dir.File("work")).FullName;
        var result = await media.Executor.TranscodeAsync(
            new TranscodeRequest { SourcePath = source, Source = probe, Template = template, WorkDirectory = work, OutputFileName = "out.m3u8" },
            null,
            CancellationToken.None);

        Assert.Contains($" -hls_segment_type {segmentFormat} -hls_flags single_file -hls_segment_filename {work}/{mediaFile} ", result.CommandLine + " ", StringComparison.Ordinal);
        Assert.Equal(["out.m3u8", mediaFile], result.Files.Select(f => f.FileName));
        Assert.Equal(["out.m3u8", mediaFile], Directory.GetFiles(work).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var playlist = await File.ReadAllTextAsync(result.Files[0].LocalPath);
        var ranges = playlist.Split('\n').Where(l => l.StartsWith("#EXT-X-BYTERANGE:", StringComparison.Ordinal)).ToList();
        Assert.True(ranges.Count >= 3, playlist); // 3 s at HlsTime 1
        // The ranges tile the media file: each starts where the previous ended, the last ends at the file's end.
        var spans = ranges.Select(r => r["#EXT-X-BYTERANGE:".Length..].Split('@')).Select(p => (Length: long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Offset: long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.Equal(spans[i - 1].Offset + spans[i - 1].Length, spans[i].Offset);
        }

        Assert.Equal(new FileInfo(result.Files[1].LocalPath).Length, spans[^1].Offset + spans[^1].Length);
        if (segmentType == 5)
        {
            Assert.Contains($"#EXT-X-MAP:URI=\"{mediaFile}\",BYTERANGE=\"{spans[0].Offset}@0\"", playlist, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(0, spans[0].Offset);
        }

        var output = await Ffprobe.VideoAsync(result.Files[0].LocalPath);
        Assert.Equal((320L, 180L), (output.Width, output.Height));
        Assert.Equal(75, output.Frames);
    }

    public async ValueTask DisposeAsync()
    {
        await media.DisposeAsync();
        dir.Dispose();
    }
}
