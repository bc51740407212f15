using Mediaflow.Media.Ai.Review;

namespace Mediaflow.Media.Ai;

/// <summary>One keyword of the account's recognition library (a word sample with usage <c>Recognition.Ocr</c> / <c>Recognition.Asr</c>) and its tags.</summary>
public sealed record RecognitionKeyword(string Keyword, IReadOnlyList<string> Tags);

/// <summary>
/// Keyword recognition (OCR words / ASR words, docs/media-ai.md; pure). With recognition keywords (those tagged with a
/// label of <c>LabelSet</c> when one is given) only their hits are reported: a keyword is found on consecutive words in
/// time order (<see cref="KeywordMatcher"/>: case-insensitive, multi-word, CJK across word boundaries); a hit spans its
/// words, carries the first word's area and the words' mean confidence, and is named by the keyword as stored. With no
/// keywords and no LabelSet every word is reported (our extension); a LabelSet no keyword carries yields no result.
/// </summary>
public static class RecognitionKeywords
{
    public static IReadOnlyList<WordOccurrence> Select(IReadOnlyList<WordOccurrence> words, IReadOnlyList<RecognitionKeyword> keywords, IReadOnlyList<string>? labelSet)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(keywords);
        var labels = labelSet ?? [];
        if (keywords.Count == 0 && labels.Count == 0)
        {
            return words;
        }

        var chosen = labels.Count == 0 ? keywords : [.. keywords.Where(k => k.Tags.Any(t => labels.Contains(t, StringComparer.Ordinal)))];
        var ordered = words.OrderBy(w => w.StartTimeOffset).ThenBy(w => w.Area?.Y1 ?? 0).ThenBy(w => w.Area?.X1 ?? 0).ToList();
        var texts = ordered.Select(w => w.Word).ToList();
        var hits = new List<WordOccurrence>();
        foreach (var keyword in chosen.DistinctBy(k => k.Keyword, StringComparer.Ordinal))
        {
            var spans = KeywordMatcher.HasCjk(keyword.Keyword) ? CjkSpans(texts, keyword.Keyword) : KeywordMatcher.Occurrences(texts, keyword.Keyword);
            hits.AddRange(spans.Select(span => Hit(keyword.Keyword, ordered.GetRange(span.First, span.Count))));
        }

        return [.. hits.OrderBy(h => h.StartTimeOffset)];
    }

    /// <summary>
    /// The smallest runs of consecutive words whose text (blanks removed) contains a CJK keyword: for each first word, the
    /// shortest run containing it, kept only when the run without its first word does not (so each hit is found once).
    /// </summary>
    private static List<(int First, int Count)> CjkSpans(List<string> words, string keyword)
    {
        var length = keyword.Count(c => !char.IsWhiteSpace(c));
        var spans = new List<(int, int)>();
        for (var first = 0; first < words.Count; first++)
        {
            var tail = 0; // blank-free characters of words[first+1..last]
            for (var last = first; last < words.Count; last++)
            {
                if (last > first)
                {
                    tail += words[last].Count(c => !char.IsWhiteSpace(c));
                }

                if (KeywordMatcher.Contains(string.Concat(words.Skip(first).Take(last - first + 1)), keyword))
                {
                    if (last == first || !KeywordMatcher.Contains(string.Concat(words.Skip(first + 1).Take(last - first)), keyword))
                    {
                        spans.Add((first, last - first + 1));
                    }

                    break;
                }

                if (tail >= length)
                {
                    break; // an occurrence starting in the first word would have ended by now
                }
            }
        }

        return spans;
    }

    private static WordOccurrence Hit(string keyword, List<WordOccurrence> span) =>
        new(keyword, span[0].StartTimeOffset, span.Max(w => w.EndTimeOffset), Math.Round(span.Average(w => w.Confidence), 2), span[0].Area);
}
