using System.Globalization;

namespace Mediaflow.Media.QualityControl.Format;

public sealed partial class FormatAnalyzer
{
    /// <summary>Applies the whole-file rules and returns every diagnosis, in the order of <see cref="Items"/>.</summary>
    public IReadOnlyList<QcDiagnosis> Finish()
    {
        // Seconds from the first decoded frame; from the first packet when nothing decoded.
        origin = double.IsPositiveInfinity(origin) ? packetOrigin : origin;
        var start = double.IsPositiveInfinity(origin) ? 0 : origin;
        var videoCodecs = new HashSet<string>(StringComparer.Ordinal);
        var audioCodecs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stream in streamRecords)
        {
            OnStream(stream, stream.Get("codec_type") == "video" ? videoCodecs : stream.Get("codec_type") == "audio" ? audioCodecs : null);
        }

        if (streamRecords.Count > 0 && videoCodecs.Count == 0)
        {
            Add("VideoStreamLack", start);
        }

        if (streamRecords.Count > 0 && audioCodecs.Count == 0)
        {
            Add("AudioStreamLack", start);
        }

        if (programs > 1)
        {
            Add("TsMultiPrograms", start);
        }

        foreach (var (time, context, mediaType) in decodeErrors)
        {
            var kind = Matches(context, videoCodecs) ? "video" : Matches(context, audioCodecs) ? "audio" : mediaType;
            if (kind is "video" or "audio")
            {
                Add(kind == "video" ? "VideoDecodeFailed" : "AudioDecodeFailed", time);
            }
        }

        foreach (var state in streams.Values)
        {
            foreach (var micros in state.Undecoded)
            {
                Add(state.MediaType == "video" ? "VideoDecodeFailed" : "AudioDecodeFailed", micros / 1e6);
            }
        }

        foreach (var state in streams.Values.Where(s => s.MediaType == "video"))
        {
            var pts = state.Pts.Order().ToList();
            var frame = Nominal(pts, state.Dts);
            Jitter("DtsJitter", state.Dts, frame);
            Jitter("PtsJitter", pts, frame);
            Drops(pts, frame);
            FpsWindows(pts, frame);
        }

        Interleave();
        ParameterSets();
        foreach (var (type, time) in relativeFound)
        {
            Add(type, time + start); // already relative: shifted so that Relative() below gives it back
        }

        return [.. Items.Where(found.ContainsKey).Select(type => new QcDiagnosis(type, Severity(type), Relative(found[type], start)))];
    }

    private static List<double> Relative(List<double> raw, double start) =>
        [.. raw.Select(t => double.IsNaN(t) ? 0 : Math.Max(0, Math.Round(t - start, 3))).Distinct().Order().Take(FormatRules.MaxTimestamps)];

    /// <summary>A decoder's log context is its name: the codec's (<c>h264</c>) or a variant of it (<c>mp3float</c>, <c>aac_fixed</c>).</summary>
    private static bool Matches(string context, HashSet<string> codecs) =>
        context.Length > 0 && codecs.Any(c => context.StartsWith(c, StringComparison.Ordinal));

    private void OnStream(FfprobeRecord stream, HashSet<string>? codecs)
    {
        var codec = stream.Get("codec_name") ?? "";
        codecs?.Add(codec);
        var tag = stream.Get("codec_tag_string") ?? "";
        var start = double.IsPositiveInfinity(origin) ? 0 : origin;
        if (tag == "tmcd" || stream.Fields.ContainsKey("tag:timecode"))
        {
            Add("TimecodeTrackExist", start);
        }

        if (stream.Get("codec_type") != "video")
        {
            return;
        }

        var rotation = stream.Nested.Select(n => n.Fields.GetValueOrDefault("rotation")).FirstOrDefault(r => r is not null) ?? stream.Get("tag:rotate");
        if (rotation is not null && double.TryParse(rotation, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) && Math.Abs(degrees) > 0.5)
        {
            Add("VideoRotation", start);
        }

        if (InvalidAspect(Ratio(stream.Get("sample_aspect_ratio")), FormatRules.MaxSar) || InvalidAspect(Ratio(stream.Get("display_aspect_ratio")), FormatRules.MaxDar))
        {
            Add("DarOrSarInvalid", start);
        }

        if (IsMp4(container) && InvalidFourcc(codec, tag))
        {
            Add("Mp4InvalidCodecFourcc", start);
        }
    }

    private static bool IsMp4(string container) => container.Split(',').Any(n => n is "mov" or "mp4");

    /// <summary>
    /// For the codecs with a well-known MP4 sample entry: H.264 must be avc1/avc3, HEVC hvc1 (hev1 keeps parameter sets
    /// in-band, which Apple players refuse), AAC mp4a. Other codecs are not judged.
    /// </summary>
    internal static bool InvalidFourcc(string codec, string tag) => codec switch
    {
        "h264" => tag is not ("avc1" or "avc3"),
        "hevc" => tag != "hvc1",
        "aac" => tag != "mp4a",
        _ => false,
    };

    /// <summary>An unspecified ratio (<c>0:1</c>, N/A) is not invalid; a specified one is when outside [1/limit, limit].</summary>
    private static bool InvalidAspect(double? ratio, double limit) => ratio is { } r && (r > limit || r < 1 / limit);

    private static double? Ratio(string? text)
    {
        var parts = text?.Split(':');
        return parts is { Length: 2 }
            && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)
            && n > 0 && d > 0 ? n / (double)d : null;
    }

    /// <summary>Steps off the nearest whole number of nominal frame durations (the median step) by more than <see cref="FormatRules.JitterShare"/>.</summary>
    private void Jitter(string type, List<double> times, double? nominal)
    {
        if (nominal is not { } frame || times.Count < 3)
        {
            return;
        }

        for (var i = 1; i < times.Count; i++)
        {
            var step = times[i] - times[i - 1];
            if (step <= 0)
            {
                continue; // a fallback or a duplicate, reported by their own rules
            }

            var frames = Math.Max(1, Math.Round(step / frame));
            if (Math.Abs(step - (frames * frame)) > FormatRules.JitterShare * frame)
            {
                Add(type, times[i]);
            }
        }
    }

    /// <summary>
    /// VideoDroppingFrames: a step of the presentation-ordered PTS that spans at least <see cref="FormatRules.DropFrames"/>
    /// nominal frame durations (rounded), i.e. frames missing between two shown ones; timestamp = the last frame before the gap.
    /// </summary>
    private void Drops(List<double> sortedPts, double? nominal)
    {
        if (nominal is not { } frame || sortedPts.Count < 3)
        {
            return;
        }

        for (var i = 1; i < sortedPts.Count; i++)
        {
            if (Math.Round((sortedPts[i] - sortedPts[i - 1]) / frame) >= FormatRules.DropFrames)
            {
                Add("VideoDroppingFrames", sortedPts[i - 1]);
            }
        }
    }

    /// <summary>Whole one-second windows whose frame count is off the nominal rate by more than <see cref="FormatRules.FpsWindowShare"/> and 2 frames.</summary>
    private void FpsWindows(List<double> sortedPts, double? nominal)
    {
        if (nominal is not { } frame || sortedPts.Count < 2)
        {
            return;
        }

        var rate = 1 / frame;
        var first = sortedPts[0];
        var whole = (int)Math.Floor(sortedPts[^1] + frame - first + 1e-6);
        var counts = new int[Math.Max(0, whole)];
        foreach (var t in sortedPts)
        {
            var w = (int)Math.Floor(t - first + 1e-6);
            if (w < counts.Length)
            {
                counts[w]++;
            }
        }

        for (var w = 0; w < counts.Length; w++)
        {
            if (Math.Abs(counts[w] - rate) > Math.Max(2, FormatRules.FpsWindowShare * rate))
            {
                Add("FpsJitter", first + w);
            }
        }
    }

    /// <summary>
    /// The nominal frame duration: the most frequent step (0.5 ms buckets) of the presentation-ordered PTS and the DTS
    /// together, averaged within its bucket. Both series count because a jitter in one alone makes that one bimodal (and
    /// its median or the stream's guessed <c>r_frame_rate</c> then lands on a wrong step), while the other stays regular.
    /// </summary>
    private static double? Nominal(List<double> sortedPts, List<double> dts)
    {
        var steps = Steps(sortedPts).Concat(Steps(dts)).ToList();
        if (steps.Count < 2)
        {
            return null;
        }

        var bucket = steps.GroupBy(s => Math.Round(s / 0.0005)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        return bucket.Average();
    }

    private static IEnumerable<double> Steps(List<double> times)
    {
        for (var i = 1; i < times.Count; i++)
        {
            if (times[i] - times[i - 1] > 1e-6)
            {
                yield return times[i] - times[i - 1];
            }
        }
    }
}
