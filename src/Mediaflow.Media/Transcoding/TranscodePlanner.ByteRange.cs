using Mediaflow.Domain.Templates;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Transcoding;

public static partial class TranscodePlanner
{
    /// <summary>SegmentType 2 (TS byte-range) and 5 (fMP4 byte-range) of an HLS template.</summary>
    public static bool IsByteRange(TranscodeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Container == "hls" && template.VideoTemplate?.SegmentType is 2 or 5;
    }

    /// <summary>
    /// Byte-range HLS: <c>-hls_flags single_file</c> writes every segment into one media file next to the playlist,
    /// <c>{stem}.ts</c> (SegmentType 2) or <c>{stem}.mp4</c> (5, its init section the first range of the same file), and
    /// the playlist addresses them with <c>#EXT-X-BYTERANGE</c>. Segment names (SegmentObjectName) do not apply.
    /// </summary>
    private static (Muxer Muxer, HlsLayout Hls) PlanByteRangeHls(TranscodeRequest request, int hlsTime, bool fmp4)
    {
        var stem = Path.GetFileNameWithoutExtension(request.OutputFileName);
        var extension = fmp4 ? "mp4" : "ts";
        var media = PlainFileName($"{stem}.{extension}", "byte-range media file name");
        if (media == request.OutputFileName)
        {
            throw new ArgumentException($"The playlist name '{request.OutputFileName}' leaves no name for its media file.", nameof(request));
        }

        var muxer = new HlsMuxer
        {
            SegmentSeconds = hlsTime,
            // Literal with single_file (no counter); '%' is still expanded by ffmpeg, so escape it.
            SegmentPathPattern = Path.Combine(request.WorkDirectory, media).Replace("%", "%%", StringComparison.Ordinal),
            SegmentType = fmp4 ? "fmp4" : "mpegts",
            SingleFile = true,
        };
        return (muxer, new HlsLayout("", extension, _ => media, null, media));
    }
}
