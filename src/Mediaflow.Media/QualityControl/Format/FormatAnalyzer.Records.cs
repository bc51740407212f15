namespace Mediaflow.Media.QualityControl.Format;

public sealed partial class FormatAnalyzer
{
    private const double Epsilon = 1e-6;

    private void OnPacket(FfprobeRecord packet)
    {
        var state = State(packet, "codec_type");
        var pts = packet.Number("pts_time");
        var dts = packet.Number("dts_time");
        var at = dts ?? pts;
        Place(packet, state.MediaType, at);
        if (pts is { } p)
        {
            packetOrigin = Math.Min(packetOrigin, p);
        }

        if (state.MediaType == "video")
        {
            if (!state.SawPacket && !(packet.Get("flags") ?? "").Contains('K', StringComparison.Ordinal))
            {
                Add("VideoFirstFrameNotIdr", at ?? double.NaN);
            }

            if (pts is { } vp && !double.IsNaN(state.LastPts) && Math.Abs(vp - state.LastPts) < Epsilon)
            {
                Add("VideoDuplicatedFrame", vp);
            }

            if (pts is { } q)
            {
                state.LastPts = q;
                state.Pts.Add(q);
            }

            if (dts is { } d)
            {
                state.Dts.Add(d);
            }
        }

        // A packet flagged D (discard: edit-list priming, skip samples) legitimately yields no frame.
        if (state.SawPacket && pts is { } u && state.MediaType is "video" or "audio" && !(packet.Get("flags") ?? "").Contains('D', StringComparison.Ordinal))
        {
            state.Undecoded.Add(Micros(u));
        }

        state.SawPacket = true;
        if (pts is { } a && dts is { } b && a < b - Epsilon)
        {
            Add("PtsLessThanDts", b);
        }

        if (at is { } t)
        {
            if (!double.IsNaN(state.LastDts) && t < state.LastDts - Epsilon)
            {
                // Where in the timeline it fell back: the furthest point reached before.
                Add("TimestampFallback", state.MaxDts);
            }

            state.LastDts = t;
            state.MaxDts = double.IsNaN(state.MaxDts) ? t : Math.Max(state.MaxDts, t);
            TrackGaps(state.MediaType, state.MaxDts);
        }
    }

    /// <summary>One kind of stream stopping for <see cref="FormatRules.StreamGapSeconds"/> while the other goes on.</summary>
    private void TrackGaps(string mediaType, double t)
    {
        if (mediaType == "video")
        {
            if (!double.IsNaN(lastAudioPacket) && t - lastAudioPacket > FormatRules.StreamGapSeconds && double.IsNaN(audioGapStart))
            {
                audioGapStart = lastAudioPacket;
                Add("AudioStreamLack", lastAudioPacket);
            }

            lastVideoPacket = t;
            videoGapStart = double.NaN;
        }
        else if (mediaType == "audio")
        {
            if (!double.IsNaN(lastVideoPacket) && t - lastVideoPacket > FormatRules.StreamGapSeconds && double.IsNaN(videoGapStart))
            {
                videoGapStart = lastVideoPacket;
                Add("VideoStreamLack", lastVideoPacket);
            }

            lastAudioPacket = t;
            audioGapStart = double.NaN;
        }
    }

    private static long Micros(double seconds) => (long)Math.Round(seconds * 1e6);

    private void OnFrame(FfprobeRecord frame)
    {
        var state = State(frame, "media_type");
        var time = frame.Number("best_effort_timestamp_time") ?? frame.Number("pts_time") ?? double.NaN;
        if (!double.IsNaN(time))
        {
            origin = Math.Min(origin, time);
            lastFrameTime = time;
        }

        if (frame.Number("pts_time") is { } framePts)
        {
            state.Undecoded.Remove(Micros(framePts));
        }

        foreach (var log in frame.Nested.Where(n => n.Section == "log"))
        {
            decodeErrors.Add((time, log.Fields.GetValueOrDefault("context") ?? "", state.MediaType));
        }

        if (state.MediaType == "video" && frame.Number("width") is { } w && frame.Number("height") is { } h && w > 0 && h > 0)
        {
            var size = ((long)w, (long)h);
            if (state.Size is { } before && before != size)
            {
                Add("VideoResolutionChanged", time);
            }

            state.Size = size;
        }
    }
    /// <summary>
    /// A decoder error ffprobe printed on stderr rather than with a frame (e.g. a packet that yielded no frame); its time is
    /// the latest frame time seen so far, so only approximate (stdout and stderr are separate pipes).
    /// </summary>
    public void ObserveDecoderLog(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        decodeErrors.Add((lastFrameTime, context, ""));
    }

    /// <summary>
    /// One decoded audio frame's format from the audio decode pass (<see cref="AshowinfoParser"/>), time already in
    /// seconds from the start: a sample rate or channel count unlike the previous frame's is a change.
    /// </summary>
    public void ObserveAudioFormat(AudioFrameFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (lastAudioFormat is { } before)
        {
            if (before.SampleRate != format.SampleRate)
            {
                relativeFound.Add(("AudioSampleRateChanged", format.Time));
            }

            if (before.Channels != format.Channels)
            {
                relativeFound.Add(("AudioChannelsChanged", format.Time));
            }
        }

        lastAudioFormat = format;
    }

    /// <summary>The start (seconds from the start) of a stretch where the stereo channels are out of phase (aphasemeter).</summary>
    public void ObserveOutOfPhase(double start) => relativeFound.Add(("AudioOutOfPhase", start));
}
