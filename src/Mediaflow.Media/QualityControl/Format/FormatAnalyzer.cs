namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// The format diagnosis as a pure function of ffprobe's packet, frame, stream and program records, fed in output order
/// (see <see cref="FfprobeCompactReader"/>) and finished once. It keeps per-stream running state plus one timestamp per
/// video frame (for the jitter rules), never the records themselves. Times in the result are seconds from the earliest
/// timestamp seen (the first decoded frame). Rules and thresholds: docs/quality-control-format.md, <see cref="FormatRules"/>.
/// </summary>
/// <param name="interleaveSeconds">AVTimestampInterleave's threshold (<see cref="FormatRules.InterleaveSeconds"/> unless the template sets one).</param>
public sealed partial class FormatAnalyzer(string container, double interleaveSeconds = FormatRules.InterleaveSeconds)
{
    private readonly Dictionary<int, StreamState> streams = [];
    private readonly Dictionary<string, List<double>> found = new(StringComparer.Ordinal);
    private readonly List<(double Time, string Context, string MediaType)> decodeErrors = [];
    private readonly List<FfprobeRecord> streamRecords = [];
    private readonly List<(string Type, double Time)> relativeFound = [];
    private AudioFrameFormat? lastAudioFormat;
    private double lastFrameTime = double.NaN;
    private int programs;
    private double origin = double.PositiveInfinity, packetOrigin = double.PositiveInfinity;
    private double lastVideoPacket = double.NaN, lastAudioPacket = double.NaN;
    private double videoGapStart = double.NaN, audioGapStart = double.NaN;

    /// <summary>Every item this analyzer can report.</summary>
    public static readonly IReadOnlySet<string> Items = new HashSet<string>(StringComparer.Ordinal)
    {
        "TimestampFallback", "DtsJitter", "PtsJitter", "PtsLessThanDts", "FpsJitter", "VideoResolutionChanged",
        "AudioSampleRateChanged", "AudioChannelsChanged", "DarOrSarInvalid", "VideoFirstFrameNotIdr", "VideoDecodeFailed",
        "AudioDecodeFailed", "VideoStreamLack", "AudioStreamLack", "VideoDuplicatedFrame", "VideoRotation",
        "TsMultiPrograms", "Mp4InvalidCodecFourcc", "TimecodeTrackExist", "AudioOutOfPhase", "AVTimestampInterleave",
        "ParameterSetsChanged", "VideoDroppingFrames",
    };

    public void Observe(FfprobeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (record.Section)
        {
            case "packet":
                OnPacket(record);
                break;
            case "frame":
                OnFrame(record);
                break;
            case "stream":
                streamRecords.Add(record);
                break;
            case "program":
                programs++;
                break;
        }
    }

    private StreamState State(FfprobeRecord record, string typeKey)
    {
        var index = (int)(record.Number("stream_index") ?? -1);
        if (!streams.TryGetValue(index, out var state))
        {
            state = new StreamState(record.Get(typeKey) ?? "");
            streams[index] = state;
        }

        return state;
    }

    private void Add(string type, double rawTime) =>
        (found.TryGetValue(type, out var list) ? list : found[type] = []).Add(rawTime);

    private static string Severity(string type) => type switch
    {
        "VideoDecodeFailed" or "AudioDecodeFailed" or "VideoStreamLack" or "AudioStreamLack" or "TimestampFallback" or "PtsLessThanDts" => FormatRules.Error,
        "VideoRotation" or "TimecodeTrackExist" or "TsMultiPrograms" => FormatRules.Info,
        _ => FormatRules.Warning,
    };

    /// <summary>A stream's running state (decode order).</summary>
    private sealed class StreamState(string mediaType)
    {
        public string MediaType { get; } = mediaType;
        public bool SawPacket { get; set; }
        public double LastDts { get; set; } = double.NaN;
        public double MaxDts { get; set; } = double.NaN;
        public double LastPts { get; set; } = double.NaN;
        public List<double> Dts { get; } = [];
        public List<double> Pts { get; } = [];
        public (long W, long H)? Size { get; set; }
        public long? SampleRate { get; set; }
        public long? Channels { get; set; }

        /// <summary>Packets (pts in µs) not yet matched by a decoded frame of the same pts; the stream's first packet is exempt (encoder priming a decoder may discard whole).</summary>
        public HashSet<long> Undecoded { get; } = [];
    }
}
