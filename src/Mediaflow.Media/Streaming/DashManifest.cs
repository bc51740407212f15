using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Mediaflow.Media.Streaming;

/// <summary>A DASH representation's rates measured from its segments, like an HLS variant's (<see cref="HlsMasterPlaylist.Measure"/>).</summary>
public sealed record DashRates(long Peak, long Average, double Duration);

/// <summary>
/// Pure: measuring each representation of an MPD from its segments, and writing the measured peak into the
/// Representation's <c>bandwidth</c> (System.Xml.Linq; the rest of the manifest is kept as ffmpeg wrote it).
/// </summary>
public static partial class DashManifest
{
    /// <summary>
    /// Rates per media Representation <c>id</c> (text sidecars are skipped), with the HLS master's definitions: peak = the highest segment bit rate
    /// (bytes × 8 / duration, the initialization counted with the first segment), average = all bytes × 8 / the total
    /// duration. Segments come from a <c>SegmentTemplate</c> (files named by its <c>media</c> template, durations from its
    /// <c>SegmentTimeline</c>; <paramref name="sizeOf"/> gives a file's bytes) or a byte-ranged <c>SegmentList</c>
    /// (sizes from <c>mediaRange</c>, each segment <c>duration</c> long, the last one ending at the presentation's end).
    /// </summary>
    public static IReadOnlyDictionary<string, DashRates> Measure(XDocument mpd, Func<string, long> sizeOf)
    {
        ArgumentNullException.ThrowIfNull(mpd);
        ArgumentNullException.ThrowIfNull(sizeOf);
        var root = mpd.Root ?? throw new FormatException("The MPD has no root element.");
        var total = root.Attribute("mediaPresentationDuration") is { } presentation ? XmlConvert.ToTimeSpan(presentation.Value).TotalSeconds : 0;
        var rates = new Dictionary<string, DashRates>(StringComparer.Ordinal);
        foreach (var representation in root.Descendants().Where(e => e.Name.LocalName == "Representation" && !IsText(e)))
        {
            var id = (string?)representation.Attribute("id") ?? throw new FormatException("A Representation has no id.");
            var segments = Segments(representation, id, total, sizeOf);
            rates[id] = Rates(id, segments);
        }

        return rates;
    }

    // A text sidecar (AddOnSubtitles: one whole .vtt behind a BaseURL) has no segments to measure; its bandwidth is its own.
    private static bool IsText(XElement representation) =>
        (string?)representation.Parent?.Attribute("contentType") == "text"
        || ((string?)representation.Attribute("mimeType") ?? (string?)representation.Parent?.Attribute("mimeType"))?.StartsWith("text/", StringComparison.Ordinal) == true;

    /// <summary>Sets each listed Representation's <c>bandwidth</c> (bit/s); other representations are left alone.</summary>
    public static void SetBandwidths(XDocument mpd, IReadOnlyDictionary<string, long> bandwidths)
    {
        ArgumentNullException.ThrowIfNull(mpd);
        ArgumentNullException.ThrowIfNull(bandwidths);
        foreach (var representation in mpd.Descendants().Where(e => e.Name.LocalName == "Representation"))
        {
            if ((string?)representation.Attribute("id") is { } id && bandwidths.TryGetValue(id, out var bandwidth))
            {
                representation.SetAttributeValue("bandwidth", bandwidth.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The manifest as UTF-8 text (declaration included, no byte-order mark, whitespace as loaded).</summary>
    public static string Render(XDocument mpd)
    {
        ArgumentNullException.ThrowIfNull(mpd);
        var declaration = mpd.Declaration ?? new XDeclaration("1.0", "utf-8", null);
        return declaration + "\n" + mpd.Root!.ToString(SaveOptions.DisableFormatting) + "\n";
    }

    private static DashRates Rates(string id, List<(long Bytes, double Seconds)> segments)
    {
        var duration = segments.Sum(s => s.Seconds);
        if (segments.Count == 0 || duration <= 0)
        {
            throw new FormatException($"Representation {id} has no segments.");
        }

        var peak = segments.Where(s => s.Seconds > 0).Max(s => s.Bytes * 8 / s.Seconds);
        var bytes = segments.Sum(s => s.Bytes);
        return new DashRates((long)Math.Ceiling(peak), (long)Math.Ceiling(bytes * 8 / duration), duration);
    }

    private static List<(long Bytes, double Seconds)> Segments(XElement representation, string id, double total, Func<string, long> sizeOf)
    {
        var template = Child(representation, "SegmentTemplate") ?? Child(representation.Parent!, "SegmentTemplate");
        var list = Child(representation, "SegmentList");
        var segments = new List<(long Bytes, double Seconds)>();
        if (template is not null)
        {
            var bandwidth = (string?)representation.Attribute("bandwidth") ?? "";
            var init = (string?)template.Attribute("initialization") is { } initName ? sizeOf(Expand(initName, id, bandwidth, 0)) : 0;
            var media = (string?)template.Attribute("media") ?? throw new FormatException($"Representation {id}: SegmentTemplate without media.");
            var number = Long(template, "startNumber", 1);
            foreach (var seconds in Durations(template, total))
            {
                segments.Add((sizeOf(Expand(media, id, bandwidth, number++)) + (segments.Count == 0 ? init : 0), seconds));
            }

            return segments;
        }

        if (list is null)
        {
            throw new FormatException($"Representation {id} has neither a SegmentTemplate nor a SegmentList.");
        }

        var initBytes = Child(list, "Initialization")?.Attribute("range") is { } range ? RangeLength(range.Value) : 0;
        var urls = list.Elements().Where(e => e.Name.LocalName == "SegmentURL").ToList();
        var durations = Durations(list, total, urls.Count);
        for (var i = 0; i < urls.Count; i++)
        {
            var bytes = urls[i].Attribute("mediaRange") is { } mediaRange ? RangeLength(mediaRange.Value)
                : sizeOf((string?)urls[i].Attribute("media") ?? throw new FormatException($"Representation {id}: SegmentURL without media or mediaRange."));
            segments.Add((bytes + (i == 0 ? initBytes : 0), durations[i]));
        }

        return segments;
    }

    /// <summary>Segment durations (s): the SegmentTimeline's <c>S</c> entries (<c>d</c>, repeated <c>r</c> more times), else
    /// <c>duration</c> each for <paramref name="count"/> segments with the last one ending at <paramref name="total"/>.</summary>
    private static List<double> Durations(XElement segmentInfo, double total, int count = 0)
    {
        var timescale = (double)Long(segmentInfo, "timescale", 1);
        var durations = new List<double>();
        if (Child(segmentInfo, "SegmentTimeline") is { } timeline)
        {
            foreach (var s in timeline.Elements().Where(e => e.Name.LocalName == "S"))
            {
                var d = Long(s, "d", 0) / timescale;
                var repeat = Long(s, "r", 0);
                for (var k = 0; k <= repeat; k++)
                {
                    durations.Add(d);
                }
            }

            return durations;
        }

        var each = Long(segmentInfo, "duration", 0) / timescale;
        for (var i = 0; i < count; i++)
        {
            durations.Add(i < count - 1 || total <= 0 ? each : Math.Max(0, total - (each * (count - 1))));
        }

        return durations;
    }

    /// <summary>A SegmentTemplate name with <c>$RepresentationID$</c>, <c>$Bandwidth$</c> and <c>$Number$</c> (optionally <c>%0Nd</c>) filled in.</summary>
    private static string Expand(string template, string id, string bandwidth, long number)
    {
        var numbered = NumberField().Replace(template, m => m.Groups[1].Success
            ? number.ToString(CultureInfo.InvariantCulture).PadLeft(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), '0')
            : number.ToString(CultureInfo.InvariantCulture));
        return new StringBuilder(numbered)
            .Replace("$RepresentationID$", id)
            .Replace("$Bandwidth$", bandwidth)
            .Replace("$$", "$")
            .ToString();
    }

    private static long RangeLength(string range)
    {
        var parts = range.Split('-');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last >= first
            ? last - first + 1
            : throw new FormatException($"Bad byte range '{range}'.");
    }

    private static XElement? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static long Long(XElement element, string attribute, long fallback) =>
        element.Attribute(attribute) is { } a ? long.Parse(a.Value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex(@"\$Number(?:%0(\d+)d)?\$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberField();
}
