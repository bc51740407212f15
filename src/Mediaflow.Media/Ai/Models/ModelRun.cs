namespace Mediaflow.Media.Ai.Models;

/// <summary>A model run over sampled frames: the labels, and each frame's time (seconds) and label scores (0–1).</summary>
public sealed record ModelRun(IReadOnlyList<string> Labels, IReadOnlyList<ModelFrame> Frames, double Interval, double MinScore, string CommandLine)
{
    /// <summary>Classification of the whole input: each label's mean score over the frames, those at or above MinScore, best first.</summary>
    public IReadOnlyList<LabelScore> Classify()
    {
        if (Frames.Count == 0)
        {
            return [];
        }

        return [.. Labels.Select((label, i) => new LabelScore(label, Frames.Average(f => f.Scores[i])))
            .Where(s => s.Score >= MinScore).OrderByDescending(s => s.Score)];
    }

    /// <summary>Frame tags: runs of consecutive frames with the same labels at or above MinScore, each with its labels' mean scores.</summary>
    public IReadOnlyList<TagSegment> TagSegments()
    {
        var segments = new List<TagSegment>();
        List<ModelFrame>? run = null;
        int[]? runLabels = null;
        foreach (var frame in Frames.Append(null))
        {
            var labels = frame is null ? null : Enumerable.Range(0, Labels.Count).Where(i => frame.Scores[i] >= MinScore).ToArray();
            if (run is not null && (labels is null || !labels.SequenceEqual(runLabels!)))
            {
                if (runLabels!.Length > 0)
                {
                    segments.Add(new TagSegment(run[0].Time, run[^1].Time + Interval,
                        [.. runLabels.Select(i => new LabelScore(Labels[i], run.Average(f => f.Scores[i]))).OrderByDescending(s => s.Score)]));
                }

                run = null;
            }

            if (frame is not null)
            {
                run ??= [];
                runLabels = run.Count == 0 ? labels : runLabels;
                run.Add(frame);
            }
        }

        return segments;
    }
}

public sealed record ModelFrame(double Time, IReadOnlyList<float> Scores);

public sealed record LabelScore(string Label, double Score);

public sealed record TagSegment(double Start, double End, IReadOnlyList<LabelScore> Tags);
