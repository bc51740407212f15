namespace Mediaflow.Media.Ai.Analysis;

/// <summary>Where the programme starts after its opening (head) and where its closing begins (tail), in seconds.</summary>
public sealed record HeadTail(double HeadTimeOffset, double TailTimeOffset);

/// <summary>
/// Head/tail spans: the leading and trailing runs of "dead" frames — black, or static while the audio is silent —
/// reported when they last at least <see cref="AnalysisThresholds.MinHeadTailSeconds"/>. No head = 0; no tail = the
/// duration. Pure.
/// </summary>
public static class HeadTailDetector
{
    public static HeadTail Detect(IReadOnlyList<FrameSample> frames, IReadOnlyList<AudioSample> audio, double duration)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(audio);
        var end = frames.Count == 0 ? duration : Math.Max(duration, frames[^1].Time);
        var head = 0.0;
        var firstLive = frames.FirstOrDefault(f => !IsDead(f, audio));
        var headEnd = firstLive?.Time ?? end;
        if (headEnd - (frames.Count > 0 ? frames[0].Time : 0) >= AnalysisThresholds.MinHeadTailSeconds)
        {
            head = headEnd;
        }

        var tail = end;
        var lastLive = frames.LastOrDefault(f => !IsDead(f, audio));
        if (lastLive is not null)
        {
            var tailStart = frames.FirstOrDefault(f => f.Time > lastLive.Time)?.Time ?? end;
            if (end - tailStart >= AnalysisThresholds.MinHeadTailSeconds)
            {
                tail = tailStart;
            }
        }

        return new HeadTail(Math.Round(head, 3), Math.Round(tail, 3));
    }

    private static bool IsDead(FrameSample frame, IReadOnlyList<AudioSample> audio) =>
        frame.IsBlack || (frame.IsStatic && SilentAt(audio, frame.Time));

    /// <summary>The audio window covering the time is silent; no audio at all counts as silent.</summary>
    private static bool SilentAt(IReadOnlyList<AudioSample> audio, double time)
    {
        AudioSample? window = null;
        foreach (var sample in audio)
        {
            if (sample.Time > time)
            {
                break;
            }

            window = sample;
        }

        return window?.IsSilent ?? true;
    }
}
