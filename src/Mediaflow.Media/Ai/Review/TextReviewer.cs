namespace Mediaflow.Media.Ai.Review;

/// <summary>
/// Finds a library's keywords in recognized speech and text (pure). Speech: each occurrence spans its words' times, its
/// confidence is their mean word confidence. Text: each OCR segment's lines are searched; an occurrence spans the
/// segment's time and has its line's box and confidence; the same keywords in the same place over touching segments
/// are one hit. Hits at the same time merge their keywords (confidence: the highest).
/// </summary>
public static class TextReviewer
{
    public static IReadOnlyList<ReviewHit> Speech(IReadOnlyList<Utterance> utterances, IReadOnlyCollection<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        ArgumentNullException.ThrowIfNull(keywords);
        var hits = new List<ReviewHit>();
        foreach (var utterance in utterances)
        {
            var words = utterance.Words.Select(w => w.Word).ToList();
            foreach (var keyword in keywords)
            {
                foreach (var (first, count) in KeywordMatcher.Occurrences(words, keyword))
                {
                    var span = utterance.Words.Skip(first).Take(count).ToList();
                    hits.Add(new ReviewHit(Round(span[0].Start), Round(span[^1].End), Math.Round(span.Average(w => w.Confidence), 2), [keyword], null));
                }
            }
        }

        return [.. hits
            .GroupBy(h => (h.StartTimeOffset, h.EndTimeOffset))
            .Select(g => g.First() with { Confidence = g.Max(h => h.Confidence), Keywords = [.. g.SelectMany(h => h.Keywords).Distinct(StringComparer.Ordinal)] })
            .OrderBy(h => h.StartTimeOffset)];
    }

    public static IReadOnlyList<ReviewHit> Text(IReadOnlyList<TimedText> segments, IReadOnlyCollection<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(keywords);
        var hits = new List<ReviewHit>();
        foreach (var segment in segments.OrderBy(s => s.StartTimeOffset))
        {
            foreach (var line in segment.Lines)
            {
                var found = keywords.Where(k => KeywordMatcher.Contains(line.Text, k)).ToList();
                if (found.Count == 0)
                {
                    continue;
                }

                var hit = new ReviewHit(segment.StartTimeOffset, segment.EndTimeOffset, line.Confidence, found, line);
                var previous = hits.FindLastIndex(h => h.Keywords.SequenceEqual(found) && h.EndTimeOffset >= hit.StartTimeOffset - 0.001 && Near(h.Area!, line));
                if (previous >= 0)
                {
                    var merged = hits[previous];
                    hits[previous] = merged with { EndTimeOffset = Math.Max(merged.EndTimeOffset, hit.EndTimeOffset), Confidence = Math.Max(merged.Confidence, hit.Confidence) };
                }
                else
                {
                    hits.Add(hit);
                }
            }
        }

        return hits;
    }

    /// <summary>The same place on screen: the boxes overlap.</summary>
    private static bool Near(TextArea a, TextArea b) => a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2;

    private static double Round(double value) => Math.Round(value, 3);
}
