using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.QualityControl.Format;

/// <summary>What a playlist line names: a media playlist (a master's variant or rendition), a segment, or an init section.</summary>
public enum HlsReferenceKind
{
    MediaPlaylist,
    Segment,
    InitSection,
}

/// <summary>One URI a playlist references, in the order of the text.</summary>
public sealed record HlsReference(HlsReferenceKind Kind, string Uri);

/// <summary>One media segment: its URI, its playlist start time (sum of EXTINF before it), whether an EXT-X-DISCONTINUITY precedes it, and its init section URI.</summary>
public sealed record HlsSegmentEntry(string Uri, double Start, bool Discontinuity, string? InitSection);

/// <summary>
/// Pure functions over HLS playlist text (RFC 8216): the URIs it references, its segments, a copy with every reference
/// renamed (for staging under generated names), and a relative reference resolved against the playlist's object key.
/// </summary>
public static partial class HlsPlaylistText
{
    [GeneratedRegex("URI=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex UriAttribute();

    private static List<string> Lines(string text) => [.. text.Replace("\r", "", StringComparison.Ordinal).Split('\n')];

    public static bool IsMaster(string text) => Lines(text).Any(l => l.TrimStart().StartsWith("#EXT-X-STREAM-INF", StringComparison.Ordinal));

    /// <summary>
    /// The references in text order: a master's variant URIs (the line after EXT-X-STREAM-INF) and EXT-X-MEDIA renditions
    /// (URI attribute); a media playlist's segment URIs and EXT-X-MAP init sections. I-frame playlists are not followed.
    /// </summary>
    public static IReadOnlyList<HlsReference> References(string text)
    {
        var result = new List<HlsReference>();
        var master = IsMaster(text);
        Rewrite(text, master, (kind, uri) =>
        {
            result.Add(new HlsReference(kind, uri));
            return uri;
        });
        return result;
    }

    /// <summary>The text with every reference <see cref="References"/> lists replaced by <paramref name="rename"/>'s answer; other lines unchanged.</summary>
    public static string Rewrite(string text, Func<HlsReferenceKind, string, string> rename)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Rewrite(text, IsMaster(text), rename);
    }

    private static string Rewrite(string text, bool master, Func<HlsReferenceKind, string, string> rename)
    {
        var lines = Lines(text);
        var afterStreamInf = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                if (line.StartsWith("#EXT-X-STREAM-INF", StringComparison.Ordinal))
                {
                    afterStreamInf = true;
                }
                else if (master && line.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal) || !master && line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
                {
                    var kind = master ? HlsReferenceKind.MediaPlaylist : HlsReferenceKind.InitSection;
                    lines[i] = UriAttribute().Replace(lines[i], m => $"URI=\"{rename(kind, m.Groups[1].Value)}\"", 1);
                }

                continue;
            }

            if (master && !afterStreamInf)
            {
                continue; // a stray URI line in a master playlist (HLSInvalidMasterM3u8 covers it)
            }

            lines[i] = rename(master ? HlsReferenceKind.MediaPlaylist : HlsReferenceKind.Segment, line);
            afterStreamInf = false;
        }

        return string.Join('\n', lines);
    }

    /// <summary>A media playlist's segments in order; unreadable EXTINF durations count as 0 (HLSBadM3u8Format reports them).</summary>
    public static IReadOnlyList<HlsSegmentEntry> Segments(string text)
    {
        var result = new List<HlsSegmentEntry>();
        var time = 0.0;
        double duration = 0;
        var discontinuity = false;
        string? init = null;
        foreach (var raw in Lines(text))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                duration = double.TryParse(line["#EXTINF:".Length..].Split(',')[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : 0;
            }
            else if (line == "#EXT-X-DISCONTINUITY")
            {
                discontinuity = true;
            }
            else if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                init = UriAttribute().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            }
            else if (!line.StartsWith('#'))
            {
                result.Add(new HlsSegmentEntry(line, Math.Round(time, 3), discontinuity, init));
                time += duration;
                duration = 0;
                discontinuity = false;
            }
        }

        return result;
    }

    /// <summary>
    /// A reference resolved against the key of the playlist naming it, within the same bucket: the query and fragment are
    /// dropped and percent-escapes decoded. Null, with the reason, for an absolute URL (a scheme or <c>//</c> host), an
    /// absolute path (<c>/…</c>: its root depends on how the playlist is served), or a <c>..</c> climbing above the bucket root.
    /// </summary>
    public static string? ResolveKey(string playlistKey, string uri, out string problem)
    {
        ArgumentNullException.ThrowIfNull(playlistKey);
        ArgumentNullException.ThrowIfNull(uri);
        problem = "";
        var path = uri.Split('#')[0].Split('?')[0];
        var colon = path.IndexOf(':', StringComparison.Ordinal);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (colon >= 0 && (slash < 0 || colon < slash))
        {
            problem = "an absolute URL (only references relative to the playlist, in the same bucket, are fetched)";
            return null;
        }

        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            problem = "a reference to another host (only references relative to the playlist, in the same bucket, are fetched)";
            return null;
        }

        if (path.StartsWith('/'))
        {
            problem = "an absolute path (only references relative to the playlist are fetched)";
            return null;
        }

        if (path.Length == 0)
        {
            problem = "an empty reference";
            return null;
        }

        var parts = playlistKey.Split('/').SkipLast(1).ToList();
        foreach (var part in path.Split('/'))
        {
            var name = Uri.UnescapeDataString(part);
            if (name == ".")
            {
                continue;
            }

            if (name == "..")
            {
                if (parts.Count == 0)
                {
                    problem = "a '..' above the bucket root";
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(name);
        }

        return string.Join('/', parts);
    }
}
