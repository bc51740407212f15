using System.Globalization;
using System.Text;

namespace Mediaflow.Media.Streaming;

/// <summary>A variant's measured rates and attributes for its <c>#EXT-X-STREAM-INF</c> line.</summary>
public sealed record HlsVariant(string Uri, long PeakBandwidth, long AverageBandwidth, long Width, long Height, double Duration);

/// <summary>A WebVTT subtitle rendition of the master playlist (<c>#EXT-X-MEDIA:TYPE=SUBTITLES</c>).</summary>
public sealed record HlsSubtitleRendition(string Uri, string Name, string? Language, bool Default);

/// <summary>Pure: measuring a media playlist's rates from its segments, and rendering the master playlist.</summary>
public static class HlsMasterPlaylist
{
    /// <summary>
    /// Rates of one media playlist (RFC 8216 §4.3.4.2): BANDWIDTH = the peak segment bit rate (bytes × 8 / EXTINF over
    /// every segment, the init segment counted with the first), AVERAGE-BANDWIDTH = all bytes × 8 / the total duration.
    /// <paramref name="sizeOf"/> gives the byte size of a URI in the playlist.
    /// </summary>
    public static (long Peak, long Average, double Duration) Measure(string playlist, Func<string, long> sizeOf)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        ArgumentNullException.ThrowIfNull(sizeOf);
        double? extinf = null;
        long extra = 0;
        long total = 0;
        double duration = 0;
        double peak = 0;
        foreach (var raw in playlist.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                extra += sizeOf(Attribute(line, "URI") ?? throw new FormatException("EXT-X-MAP without URI"));
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                extinf = double.Parse(line["#EXTINF:".Length..].Split(',')[0], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                var seconds = extinf ?? throw new FormatException($"Segment '{line}' has no EXTINF.");
                var bytes = sizeOf(line) + extra;
                extra = 0;
                total += bytes;
                duration += seconds;
                if (seconds > 0)
                {
                    peak = Math.Max(peak, bytes * 8 / seconds);
                }

                extinf = null;
            }
        }

        if (duration <= 0)
        {
            throw new FormatException("The playlist has no segments.");
        }

        return ((long)Math.Ceiling(peak), (long)Math.Ceiling(total * 8 / duration), duration);
    }

    /// <summary>The <c>GROUP-ID</c> of the subtitle renditions, named by every variant's <c>SUBTITLES</c> attribute.</summary>
    public const string SubtitleGroup = "subs";

    /// <summary>
    /// The master playlist: the subtitle renditions (one group, <c>DEFAULT=YES</c> on the first marked default,
    /// <c>AUTOSELECT=YES</c>), then one <c>#EXT-X-STREAM-INF</c> per variant in the given order, each naming the
    /// subtitle group when there is one.
    /// </summary>
    public static string Render(IReadOnlyList<HlsVariant> variants, bool fmp4, IReadOnlyList<HlsSubtitleRendition>? subtitles = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        subtitles ??= [];
        var text = new StringBuilder("#EXTM3U\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-VERSION:{(fmp4 ? 7 : 3)}\n");
        text.Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        var defaultIndex = subtitles.ToList().FindIndex(s => s.Default);
        for (var i = 0; i < subtitles.Count; i++)
        {
            var s = subtitles[i];
            text.Append(CultureInfo.InvariantCulture, $"#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"{SubtitleGroup}\",NAME=\"{Quoted(s.Name)}\"");
            if (s.Language is { Length: > 0 } language)
            {
                text.Append(CultureInfo.InvariantCulture, $",LANGUAGE=\"{Quoted(language)}\"");
            }

            text.Append(CultureInfo.InvariantCulture, $",DEFAULT={(i == defaultIndex ? "YES" : "NO")},AUTOSELECT=YES,URI=\"{Quoted(s.Uri)}\"\n");
        }

        foreach (var v in variants)
        {
            text.Append(CultureInfo.InvariantCulture, $"#EXT-X-STREAM-INF:BANDWIDTH={v.PeakBandwidth},AVERAGE-BANDWIDTH={v.AverageBandwidth}");
            if (v.Width > 0 && v.Height > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $",RESOLUTION={v.Width}x{v.Height}");
            }

            if (subtitles.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $",SUBTITLES=\"{SubtitleGroup}\"");
            }

            text.Append('\n').Append(v.Uri).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A quoted-string attribute value (RFC 8216 §4.2) cannot hold a double quote or a line break.</summary>
    private static string Quoted(string value) =>
        value.Replace('"', '\'').Replace('\r', ' ').Replace('\n', ' ');

    private static string? Attribute(string line, string name)
    {
        var marker = name + "=\"";
        var start = line.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = line.IndexOf('"', start);
        return end < 0 ? null : line[start..end];
    }
}
