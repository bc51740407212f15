namespace Mediaflow.Media.Ai.Subtitles;

/// <summary>
/// Turns recognized speech or on-screen text into subtitle cues (pure). Speech: each utterance's timed words are cut
/// into cues that fit <see cref="CueOptions"/> (a cue closes before the word that would make it too long or too
/// long-lasting), then short cues are merged with the next one across a short pause, then each cue's text is broken
/// into balanced lines at a space. On-screen text (OCR): one cue per run of frames that read the same, its lines as read.
/// </summary>
public static class CueBuilder
{
    public static IReadOnlyList<SubtitleCue> FromSpeech(IReadOnlyList<Utterance> utterances, CueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        options ??= CueOptions.Default;
        var pieces = new List<(double Start, double End, string Text)>();
        foreach (var utterance in utterances.OrderBy(u => u.Start))
        {
            if (utterance.Words.Count == 0)
            {
                if (!string.IsNullOrWhiteSpace(utterance.Text))
                {
                    pieces.Add((utterance.Start, utterance.End, utterance.Text.Trim())); // an engine without word times (Whisper segments)
                }

                continue;
            }

            var current = new List<SpokenWord>();
            foreach (var word in utterance.Words)
            {
                if (current.Count > 0 && !Fits(current[0].Start, word.End, Join(current) + " " + word.Word, options))
                {
                    pieces.Add((current[0].Start, current[^1].End, Join(current)));
                    current.Clear();
                }

                current.Add(word);
            }

            if (current.Count > 0)
            {
                pieces.Add((current[0].Start, current[^1].End, Join(current)));
            }
        }

        var merged = new List<(double Start, double End, string Text)>();
        foreach (var piece in pieces)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                var joined = last.Text + " " + piece.Text;
                if (last.End - last.Start < options.MinCueSeconds && piece.Start - last.End <= options.MaxMergeGapSeconds && Fits(last.Start, piece.End, joined, options))
                {
                    merged[^1] = (last.Start, piece.End, joined);
                    continue;
                }
            }

            merged.Add(piece);
        }

        return [.. merged.Select(p => new SubtitleCue(Round(p.Start), Round(p.End), BreakLines(p.Text, options)))];
    }

    public static IReadOnlyList<SubtitleCue> FromScreenText(IReadOnlyList<TimedText> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return [.. segments.OrderBy(s => s.StartTimeOffset)
            .Where(s => s.Lines.Count > 0)
            .Select(s => new SubtitleCue(Round(s.StartTimeOffset), Round(s.EndTimeOffset), string.Join('\n', s.Lines.Select(l => l.Text))))];
    }

    /// <summary>The text on at most <see cref="CueOptions.MaxLines"/> lines, broken at the spaces that make the lines most even.</summary>
    public static string BreakLines(string text, CueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= CueOptions.Default;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var single = string.Join(' ', words);
        if (single.Length <= options.MaxLineLength || words.Length < 2)
        {
            return single;
        }

        var lines = new List<string>();
        var remaining = words.ToList();
        for (var line = options.MaxLines; line > 1 && remaining.Count > 1; line--)
        {
            var rest = string.Join(' ', remaining);
            if (rest.Length <= options.MaxLineLength)
            {
                break;
            }

            var target = rest.Length / (double)line;
            var best = 1;
            var bestScore = double.MaxValue;
            for (var take = 1; take < remaining.Count; take++)
            {
                var head = string.Join(' ', remaining.Take(take)).Length;
                var score = Math.Abs(head - target) + (head > options.MaxLineLength ? 1000 : 0);
                if (score < bestScore)
                {
                    (best, bestScore) = (take, score);
                }
            }

            lines.Add(string.Join(' ', remaining.Take(best)));
            remaining.RemoveRange(0, best);
        }

        lines.Add(string.Join(' ', remaining));
        return string.Join('\n', lines);
    }

    private static bool Fits(double start, double end, string text, CueOptions options) =>
        end - start <= options.MaxCueSeconds && text.Length <= options.MaxCueLength;

    private static string Join(List<SpokenWord> words) => string.Join(' ', words.Select(w => w.Word));

    private static double Round(double value) => Math.Round(value, 3);
}
