namespace Mediaflow.Media.Ai;

/// <summary>
/// Turns the words read on sampled frames into the spec's shapes (pure): full text = the lines of consecutive frames
/// that read the same, one segment per run; words = each word's runs of consecutive frames. A run of frames sampled
/// every <c>step</c> seconds from t₀ to t₁ covers [t₀, t₁ + step) (clamped to the duration): the text was on screen
/// from at most one step before the first frame that read it to at most one step after the last.
/// </summary>
public static class OcrTimeline
{
    /// <summary>The lines of one frame (words grouped by Tesseract's line), boxes scaled by <paramref name="scale"/> back to source pixels.</summary>
    public static IReadOnlyList<TextArea> Lines(OcrFrame frame, double scale)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return [.. frame.Words.GroupBy(w => w.LineKey).OrderBy(g => g.Min(w => w.Top)).ThenBy(g => g.Min(w => w.Left)).Select(line =>
        {
            var words = line.OrderBy(w => w.Left).ToList();
            return new TextArea(
                string.Join(' ', words.Select(w => w.Text)),
                Math.Round(words.Average(w => w.Confidence), 2),
                Scale(words.Min(w => w.Left), scale),
                Scale(words.Min(w => w.Top), scale),
                Scale(words.Max(w => w.Left + w.Width), scale),
                Scale(words.Max(w => w.Top + w.Height), scale));
        })];
    }

    public static IReadOnlyList<TimedText> FullText(IReadOnlyList<OcrFrame> frames, double step, double duration, double scale)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var segments = new List<TimedText>();
        var runStart = -1;
        string? runKey = null;
        var ordered = frames.OrderBy(f => f.Time).ToList();
        for (var i = 0; i <= ordered.Count; i++)
        {
            var key = i < ordered.Count ? Key(Lines(ordered[i], scale)) : null;
            var continues = key is not null && key == runKey && i > 0 && IsNext(ordered[i - 1], ordered[i], step);
            if (continues)
            {
                continue;
            }

            if (runKey is { Length: > 0 })
            {
                segments.Add(new TimedText(Round(ordered[runStart].Time), End(ordered[i - 1].Time, step, duration), Lines(ordered[runStart], scale)));
            }

            runStart = i;
            runKey = key;
        }

        return segments;
    }

    public static IReadOnlyList<WordOccurrence> Words(IReadOnlyList<OcrFrame> frames, double step, double duration, double scale)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var ordered = frames.OrderBy(f => f.Time).ToList();
        var occurrences = new List<WordOccurrence>();
        var open = new Dictionary<string, (int Start, int Last, List<double> Confidences, OcrWord First)>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var present = ordered[i].Words.GroupBy(w => w.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(w => w.Confidence)!, StringComparer.Ordinal);
            foreach (var (text, run) in open.ToList())
            {
                if (!present.ContainsKey(text) || !IsNext(ordered[run.Last], ordered[i], step))
                {
                    occurrences.Add(Close(ordered, text, run, step, duration, scale));
                    open.Remove(text);
                }
            }

            foreach (var (text, word) in present)
            {
                if (open.TryGetValue(text, out var run))
                {
                    run.Confidences.Add(word.Confidence);
                    open[text] = run with { Last = i };
                }
                else
                {
                    open[text] = (i, i, [word.Confidence], word);
                }
            }
        }

        occurrences.AddRange(open.Select(kv => Close(ordered, kv.Key, kv.Value, step, duration, scale)));
        return [.. occurrences.OrderBy(o => o.StartTimeOffset).ThenBy(o => o.Word, StringComparer.Ordinal)];
    }

    private static WordOccurrence Close(List<OcrFrame> frames, string text, (int Start, int Last, List<double> Confidences, OcrWord First) run, double step, double duration, double scale)
    {
        var w = run.First;
        var area = new TextArea(text, w.Confidence, Scale(w.Left, scale), Scale(w.Top, scale), Scale(w.Left + w.Width, scale), Scale(w.Top + w.Height, scale));
        return new WordOccurrence(text, Round(frames[run.Start].Time), End(frames[run.Last].Time, step, duration), Math.Round(run.Confidences.Average(), 2), area);
    }

    private static string Key(IReadOnlyList<TextArea> lines) => string.Join('\n', lines.Select(l => l.Text).Order(StringComparer.Ordinal));

    private static bool IsNext(OcrFrame previous, OcrFrame next, double step) => next.Time - previous.Time <= step * 1.5;

    private static double End(double lastTime, double step, double duration) => Round(duration > 0 ? Math.Min(lastTime + step, duration) : lastTime + step);

    private static int Scale(int value, double scale) => (int)Math.Round(value * scale);

    private static double Round(double value) => Math.Round(value, 3);
}
