using System.Globalization;
using System.Text;
using Mediaflow.Media.Ai.Subtitles;

namespace Mediaflow.Media.Streaming;

/// <summary>One WebVTT segment of a subtitle rendition: where it starts on the media timeline, how long it is, its file text.</summary>
public sealed record WebVttSegment(double Start, double Duration, string Text);

/// <summary>
/// Pure: an HLS WebVTT subtitle rendition (RFC 8216 §3.5) cut on the video's segment grid. Segment i covers
/// [start_i, start_i + duration_i) of the media timeline; a cue is written into every segment it overlaps (a cue across a
/// boundary is repeated, as the spec allows; players merge identical cues), with its own media times. Each file starts with
/// <c>X-TIMESTAMP-MAP=MPEGTS:{first video PTS, 90 kHz},LOCAL:00:00:00.000</c>, so media time 0 is the first frame of the
/// video segments. Cues that start after the last segment are dropped.
/// </summary>
public static class WebVttSegmenter
{
    public static IReadOnlyList<WebVttSegment> Segment(IReadOnlyList<SubtitleCue> cues, IReadOnlyList<double> durations, long mpegTs)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(durations);
        var map = string.Create(CultureInfo.InvariantCulture, $"WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:{mpegTs},LOCAL:00:00:00.000\n");
        var segments = new List<WebVttSegment>(durations.Count);
        var start = 0.0;
        foreach (var duration in durations)
        {
            var end = start + duration;
            var first = start;
            var mine = cues.Where(c => c.Start < end && c.End > first).OrderBy(c => c.Start).ToList();
            // SubtitleWriter.WriteVtt escapes the text and starts with "WEBVTT\n"; the timestamp map goes in its header.
            var body = SubtitleWriter.WriteVtt(mine)["WEBVTT\n".Length..];
            segments.Add(new WebVttSegment(start, duration, map + body));
            start = end;
        }

        return segments;
    }

    /// <summary>The rendition's VOD media playlist: one <c>#EXTINF</c> per segment, target duration = the longest one rounded.</summary>
    public static string Playlist(IReadOnlyList<WebVttSegment> segments, IReadOnlyList<string> uris)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(uris);
        if (segments.Count != uris.Count || segments.Count == 0)
        {
            throw new ArgumentException("one URI per segment, and at least one segment", nameof(uris));
        }

        var target = Math.Max(1, (long)Math.Round(segments.Max(s => s.Duration), MidpointRounding.AwayFromZero));
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{target}\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (var i = 0; i < segments.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{segments[i].Duration:0.000000},\n").Append(uris[i]).Append('\n');
        }

        return text.Append("#EXT-X-ENDLIST\n").ToString();
    }

    /// <summary>The <c>#EXTINF</c> durations of a media playlist, in order (the grid the subtitle segments follow).</summary>
    public static IReadOnlyList<double> Durations(string playlist)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        return [.. playlist.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal))
            .Select(l => double.Parse(l["#EXTINF:".Length..].Split(',')[0], NumberStyles.Float, CultureInfo.InvariantCulture))];
    }

    /// <summary>A time in seconds on the 90 kHz MPEG-TS clock.</summary>
    public static long MpegTs(double seconds) => (long)Math.Round(seconds * 90_000, MidpointRounding.AwayFromZero);
}
