using System.Globalization;

namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// One stream of one segment: its kind and ordinal among the segment's streams of that kind, the lowest and highest PTS,
/// the first and last DTS in file order, and the duration of its last packet (seconds; null when it has no packet).
/// </summary>
public sealed record HlsStreamSpan(string CodecType, int Ordinal, double? MinPts, double? MaxPts, double? FirstDts, double? LastDts, double LastDuration);

/// <summary>What one segment holds: its playlist start, whether a discontinuity precedes it, its stream count and spans.</summary>
public sealed record HlsSegmentSummary(double Start, bool Discontinuity, int StreamCount, IReadOnlyList<HlsStreamSpan> Streams);

/// <summary>
/// The HLS segment items (docs/quality-control-format.md "HLS segments"), pure: a segment's stream count against the
/// previous segment's, and each stream's PTS/DTS continuity across the boundary (the next segment should start where the
/// previous one ended, its last timestamp plus its last packet's duration). A boundary after an EXT-X-DISCONTINUITY is
/// not judged (timestamps may restart there). Timestamps are the playlist start of the later segment.
/// </summary>
public static class HlsSegmentChecker
{
    public const string StreamNumChange = "HLSMediaSegmentsStreamNumChange";
    public const string PtsDeviation = "HLSMediaSegmentsPTSJitterDeviation";
    public const string DtsDeviation = "HLSMediaSegmentsDTSJitterDeviation";

    /// <summary>Default deviation (seconds) above which a boundary is reported: more than 2 frames at 25 fps and 4 AAC frames at 44.1 kHz.</summary>
    public const double DefaultThresholdSeconds = 0.1;

    public static readonly IReadOnlySet<string> Items = new HashSet<string>(StringComparer.Ordinal) { StreamNumChange, PtsDeviation, DtsDeviation };

    /// <summary>A segment's summary from ffprobe's compact records (<c>stream=index,codec_type:packet=stream_index,pts_time,dts_time,duration_time</c>).</summary>
    public static HlsSegmentSummary Summarize(double start, bool discontinuity, IEnumerable<FfprobeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var kinds = new Dictionary<int, (string Type, int Ordinal)>();
        var spans = new Dictionary<int, Span>();
        foreach (var record in records)
        {
            // MPEG-TS lists its streams twice (under its program, then on their own): the first listing of an index counts.
            if (record.Section == "stream" && Index(record.Get("index")) is { } index && !kinds.ContainsKey(index))
            {
                var type = record.Get("codec_type") ?? "unknown";
                kinds[index] = (type, kinds.Values.Count(k => k.Type == type));
            }
            else if (record.Section == "packet" && Index(record.Get("stream_index")) is { } stream)
            {
                var span = spans.TryGetValue(stream, out var s) ? s : spans[stream] = new Span();
                span.Observe(record.Number("pts_time"), record.Number("dts_time"), record.Number("duration_time"));
            }
        }

        var streams = kinds.OrderBy(k => k.Key)
            .Select(k => spans.TryGetValue(k.Key, out var s)
                ? new HlsStreamSpan(k.Value.Type, k.Value.Ordinal, s.MinPts, s.MaxPts, s.FirstDts, s.LastDts, s.LastDuration)
                : new HlsStreamSpan(k.Value.Type, k.Value.Ordinal, null, null, null, null, 0))
            .ToList();
        return new HlsSegmentSummary(start, discontinuity, kinds.Count, streams);
    }

    /// <summary>The findings over the segments of each media playlist (one list per playlist), for the wanted items.</summary>
    public static IReadOnlyList<QcDiagnosis> Check(IEnumerable<IReadOnlyList<HlsSegmentSummary>> playlists, double thresholdSeconds)
    {
        ArgumentNullException.ThrowIfNull(playlists);
        var found = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string type, double at) => (found.TryGetValue(type, out var l) ? l : found[type] = []).Add(at);
        foreach (var segments in playlists)
        {
            for (var i = 1; i < segments.Count; i++)
            {
                var (previous, current) = (segments[i - 1], segments[i]);
                if (current.Discontinuity)
                {
                    continue;
                }

                if (current.StreamCount != previous.StreamCount)
                {
                    Add(StreamNumChange, current.Start);
                }

                foreach (var stream in current.Streams)
                {
                    if (previous.Streams.FirstOrDefault(p => p.CodecType == stream.CodecType && p.Ordinal == stream.Ordinal) is not { } before)
                    {
                        continue;
                    }

                    if (Deviates(before.MaxPts, before.LastDuration, stream.MinPts, thresholdSeconds))
                    {
                        Add(PtsDeviation, current.Start);
                    }

                    if (Deviates(before.LastDts, before.LastDuration, stream.FirstDts, thresholdSeconds))
                    {
                        Add(DtsDeviation, current.Start);
                    }
                }
            }
        }

        return [.. Items.Where(found.ContainsKey).Select(t => new QcDiagnosis(
            t, t == StreamNumChange ? FormatRules.Error : FormatRules.Warning, [.. found[t].Distinct().Order().Take(FormatRules.MaxTimestamps)]))];
    }

    private static bool Deviates(double? last, double lastDuration, double? next, double threshold) =>
        last is { } l && next is { } n && Math.Abs(n - (l + lastDuration)) > threshold;

    private static int? Index(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    private sealed class Span
    {
        public double? MinPts { get; private set; }
        public double? MaxPts { get; private set; }
        public double? FirstDts { get; private set; }
        public double? LastDts { get; private set; }
        public double LastDuration { get; private set; }

        public void Observe(double? pts, double? dts, double? duration)
        {
            if (pts is { } p)
            {
                MinPts = MinPts is { } min ? Math.Min(min, p) : p;
                MaxPts = MaxPts is { } max ? Math.Max(max, p) : p;
            }

            if ((dts ?? pts) is { } d)
            {
                FirstDts ??= d;
                LastDts = d;
            }

            LastDuration = duration ?? LastDuration;
        }
    }
}
