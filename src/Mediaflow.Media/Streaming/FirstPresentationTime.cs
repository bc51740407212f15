using System.Globalization;
using System.Text.Json;

namespace Mediaflow.Media.Streaming;

/// <summary>
/// Where a written HLS media playlist's timeline starts: the <c>start_time</c> ffprobe reports for its first video
/// stream (the first audio stream when it has no video). The mpegts muxer starts at its initial offset (1.4 s plus the
/// B-frame delay), fMP4 near 0; WebVTT segments map their local 0 to this time (<see cref="WebVttSegmenter"/>).
/// The command line and the parser are separate; the parser is pure.
/// </summary>
public static class FirstPresentationTime
{
    /// <summary>
    /// ffprobe arguments for a playlist of this layer's output. <c>-allowed_extensions ALL</c> lets the hls demuxer read
    /// a local AES key file (no media extension) from a probe copy of an encrypted playlist.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string playlistPath)
    {
        ArgumentNullException.ThrowIfNull(playlistPath);
        return ["-hide_banner", "-v", "error", "-protocol_whitelist", "file,crypto", "-allowed_extensions", "ALL",
            "-show_entries", "stream=codec_type,start_time", "-of", "json", "-i", playlistPath];
    }

    /// <summary>Seconds from ffprobe's JSON (<c>streams[].codec_type</c>, <c>start_time</c>); FormatException when none is given.</summary>
    public static double Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var streams = doc.RootElement.TryGetProperty("streams", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];
        double? StartOf(string type) => streams
            .Where(s => s.TryGetProperty("codec_type", out var t) && t.GetString() == type)
            .Select(s => s.TryGetProperty("start_time", out var v) && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : (double?)null)
            .FirstOrDefault(s => s is not null);
        return StartOf("video") ?? StartOf("audio") ?? throw new FormatException("ffprobe reported no start_time for a video or audio stream");
    }
}
