using System.Globalization;

namespace Mediaflow.Media.QualityControl.Format;

public sealed partial class FormatAnalyzer
{
    /// <summary>Audio and video packets by file position: (byte offset, DTS or PTS in seconds, is video).</summary>
    private readonly List<(long Position, double Time, bool Video)> placed = [];

    /// <summary>Parameter-set changes from the trace pass, in ticks of the first video stream's time base.</summary>
    private readonly List<long> parameterSetTicks = [];

    /// <summary>Packets where the trace pass saw a parameter set change (<see cref="ParameterSetTrace.Changes"/>).</summary>
    public void ObserveParameterSetChanges(IEnumerable<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        parameterSetTicks.AddRange(ticks);
    }

    private void Place(FfprobeRecord packet, string mediaType, double? time)
    {
        if (mediaType is "video" or "audio" && time is { } t && packet.Number("pos") is { } pos && pos >= 0)
        {
            placed.Add(((long)pos, t, mediaType == "video"));
        }
    }

    /// <summary>
    /// AVTimestampInterleave: in file order, a packet lying between two packets of the other kind (audio vs video) whose
    /// timestamps are both more than <see cref="interleaveSeconds"/> away from its own. A stream that has ended or not
    /// yet begun is not compared (that is a stream lack), nor is a gap one stream has while the other goes on. One
    /// timestamp (the packet's) per run of such packets.
    /// </summary>
    private void Interleave()
    {
        if (placed.Count == 0)
        {
            return;
        }

        var ordered = placed.OrderBy(p => p.Position).ToList();
        var next = new double?[ordered.Count];
        double? nextVideo = null, nextAudio = null;
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            next[i] = ordered[i].Video ? nextAudio : nextVideo;
            if (ordered[i].Video)
            {
                nextVideo = ordered[i].Time;
            }
            else
            {
                nextAudio = ordered[i].Time;
            }
        }

        double? lastVideo = null, lastAudio = null;
        var inRun = false;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (_, time, video) = ordered[i];
            var previous = video ? lastAudio : lastVideo;
            var flagged = previous is { } before && next[i] is { } after
                && Math.Min(Math.Abs(time - before), Math.Abs(time - after)) > interleaveSeconds;
            if (flagged && !inRun)
            {
                Add("AVTimestampInterleave", time);
            }

            inRun = flagged;
            if (video)
            {
                lastVideo = time;
            }
            else
            {
                lastAudio = time;
            }
        }
    }

    /// <summary>ParameterSetsChanged: the trace pass's ticks in seconds, by the first video stream's time base.</summary>
    private void ParameterSets()
    {
        var timeBase = streamRecords.FirstOrDefault(s => s.Get("codec_type") == "video")?.Get("time_base")?.Split('/');
        if (parameterSetTicks.Count == 0 || timeBase is not { Length: 2 }
            || !long.TryParse(timeBase[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var num)
            || !long.TryParse(timeBase[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var den) || num <= 0 || den <= 0)
        {
            return;
        }

        foreach (var ticks in parameterSetTicks)
        {
            Add("ParameterSetsChanged", ticks * (double)num / den);
        }
    }
}
