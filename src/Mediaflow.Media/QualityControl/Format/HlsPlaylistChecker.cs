using System.Globalization;

namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// The HLS items, checked on the playlist text (RFC 8216) as a pure function: a master playlist's variants and, when
/// they sit next to it on disk, their media playlists. Timestamps are playlist times (sum of EXTINF before the point).
/// </summary>
public static class HlsPlaylistChecker
{
    public static readonly IReadOnlySet<string> Items = new HashSet<string>(StringComparer.Ordinal)
    {
        "HLSBadM3u8Format", "HLSInvalidMasterM3u8", "HLSInvalidMediaM3u8", "HLSMediaM3u8DiscontinuityExist",
        "HLSMasterM3u8Recommended", "HLSMediaM3u8Recommended",
    };

    public static bool IsPlaylist(string path) => path.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks a playlist file and the media playlists a master names that exist beside it (no network, no parent paths).</summary>
    public static IReadOnlyList<QcDiagnosis> CheckFile(string path)
    {
        var text = File.ReadAllText(path);
        var found = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        Check(text, found, out var variants);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var uri in variants)
        {
            if (uri.Contains("://", StringComparison.Ordinal) || uri.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(uri))
            {
                continue;
            }

            var media = Path.Combine(directory, uri.Split('?')[0]);
            if (File.Exists(media))
            {
                Check(File.ReadAllText(media), found, out _);
            }
        }

        return Result(found);
    }

    public static IReadOnlyList<QcDiagnosis> Check(string text)
    {
        var found = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        Check(text, found, out _);
        return Result(found);
    }

    private static List<QcDiagnosis> Result(Dictionary<string, List<double>> found) =>
        [.. Items.Where(found.ContainsKey).Select(t => new QcDiagnosis(t, Severity(t), [.. found[t].Distinct().Order().Take(FormatRules.MaxTimestamps)]))];

    private static string Severity(string type) => type switch
    {
        "HLSMediaM3u8DiscontinuityExist" => FormatRules.Warning,
        "HLSMasterM3u8Recommended" or "HLSMediaM3u8Recommended" => FormatRules.Notice,
        _ => FormatRules.Error,
    };

    private static void Check(string text, Dictionary<string, List<double>> found, out List<string> variants)
    {
        void Add(string type, double at) => (found.TryGetValue(type, out var l) ? l : found[type] = []).Add(Math.Round(at, 3));
        variants = [];
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != "#EXTM3U")
        {
            Add("HLSBadM3u8Format", 0);
            return;
        }

        var isMaster = lines.Any(l => l.StartsWith("#EXT-X-STREAM-INF", StringComparison.Ordinal));
        var isMedia = lines.Any(l => l.StartsWith("#EXTINF", StringComparison.Ordinal));
        if (isMaster && isMedia)
        {
            Add("HLSBadM3u8Format", 0); // a playlist is either a master or a media playlist (RFC 8216 §4.3.4)
            return;
        }

        if (isMaster)
        {
            CheckMaster(lines, variants, Add);
        }
        else
        {
            CheckMedia(lines, Add);
        }
    }

    private static void CheckMaster(List<string> lines, List<string> variants, Action<string, double> add)
    {
        for (var i = 1; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal))
            {
                continue;
            }

            var attributes = lines[i]["#EXT-X-STREAM-INF:".Length..];
            var next = i + 1 < lines.Count ? lines[i + 1] : null;
            if (!HasAttribute(attributes, "BANDWIDTH") || next is null || next.StartsWith('#'))
            {
                add("HLSInvalidMasterM3u8", 0); // BANDWIDTH is required and the URI line must follow (§4.3.4.2)
                continue;
            }

            if (!HasAttribute(attributes, "CODECS") || !HasAttribute(attributes, "RESOLUTION"))
            {
                add("HLSMasterM3u8Recommended", 0); // CODECS and RESOLUTION should be present (§4.3.4.2, Apple authoring spec)
            }

            variants.Add(next);
        }
    }

    private static void CheckMedia(List<string> lines, Action<string, double> add)
    {
        double? target = null;
        var time = 0.0;
        var segments = 0;
        var hasVersion = false;
        var ended = lines.Contains("#EXT-X-ENDLIST");
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal))
            {
                target = Number(line["#EXT-X-TARGETDURATION:".Length..]);
                if (target is null)
                {
                    add("HLSBadM3u8Format", time);
                }
            }
            else if (line.StartsWith("#EXT-X-VERSION:", StringComparison.Ordinal))
            {
                hasVersion = true;
            }
            else if (line == "#EXT-X-DISCONTINUITY")
            {
                add("HLSMediaM3u8DiscontinuityExist", time);
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                var duration = Number(line["#EXTINF:".Length..].Split(',')[0]);
                var uri = lines.Skip(i + 1).FirstOrDefault(l => !l.StartsWith('#'));
                if (duration is not { } d || d < 0 || uri is null)
                {
                    add("HLSBadM3u8Format", time); // EXTINF needs a duration and a segment URI after it (§4.3.2.1)
                    continue;
                }

                if (target is { } t && Math.Round(d, MidpointRounding.AwayFromZero) > t)
                {
                    add("HLSInvalidMediaM3u8", time); // a segment longer than the target duration (§4.3.3.1)
                }

                segments++;
                time += d;
            }
        }

        if (target is null || segments == 0)
        {
            add("HLSInvalidMediaM3u8", 0); // TARGETDURATION is required, and a playlist without segments plays nothing
        }

        if (!hasVersion || !ended && !lines.Any(l => l.StartsWith("#EXT-X-PLAYLIST-TYPE:", StringComparison.Ordinal)))
        {
            add("HLSMediaM3u8Recommended", 0); // EXT-X-VERSION, and for a file input an ENDLIST or PLAYLIST-TYPE
        }
    }

    private static bool HasAttribute(string attributes, string name)
    {
        var inQuotes = false;
        var start = 0;
        for (var i = 0; i <= attributes.Length; i++)
        {
            if (i == attributes.Length || (attributes[i] == ',' && !inQuotes))
            {
                var pair = attributes[start..i];
                if (pair.StartsWith(name + "=", StringComparison.Ordinal))
                {
                    return true;
                }

                start = i + 1;
            }
            else if (attributes[i] == '"')
            {
                inQuotes = !inQuotes;
            }
        }

        return false;
    }

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
