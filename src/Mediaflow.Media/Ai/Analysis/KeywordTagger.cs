using System.Globalization;
using System.Text;

namespace Mediaflow.Media.Ai.Analysis;

/// <summary>A keyword tag: the word, how often it was read/heard, the mean recognition confidence (0–100) and where it came from (OCR, ASR).</summary>
public sealed record KeywordTag(string Tag, int Count, double Confidence, IReadOnlyList<string> Sources);

/// <summary>
/// Pure: tags from recognized text (docs/media-ai-analysis.md). Each OCR word run (a word shown on consecutive sampled
/// frames counts once) and each ASR word is normalized — lower-cased, leading/trailing punctuation removed — and kept
/// when it has at least <see cref="MinLetters"/> characters (2 for Chinese), contains a letter and is not a stop word
/// (<see cref="StopWords"/>: English function words and fillers). The words said or shown most often are the tags
/// (ties: higher mean confidence, then alphabetical), at most <see cref="MaxTags"/>, each with its count, the mean
/// confidence of its occurrences and its sources.
/// </summary>
public static class KeywordTagger
{
    public const int MinLetters = 3;
    public const int MaxTags = 10;

    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "yours", "all", "any", "can", "had", "her", "hers", "was", "one", "our", "ours",
        "out", "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "who", "why", "did", "does", "doing",
        "get", "got", "let", "she", "too", "use", "way", "yes", "yet", "off", "own", "per", "via", "this", "that", "these", "those", "there",
        "their", "theirs", "they", "them", "then", "than", "what", "when", "where", "which", "while", "whom", "whose", "with", "within",
        "without", "would", "could", "should", "shall", "will", "from", "into", "onto", "upon", "about", "above", "after", "again",
        "against", "before", "below", "between", "both", "during", "each", "few", "more", "most", "other", "some", "such", "only", "same",
        "very", "just", "also", "here", "over", "under", "until", "because", "been", "being", "were", "having", "himself", "herself",
        "itself", "myself", "ourselves", "yourself", "themselves", "through", "further", "once", "nor", "isn't", "aren't", "wasn't",
        "don't", "doesn't", "didn't", "won't", "can't", "i'm", "it's", "that's", "let's", "okay", "yeah", "uh", "um", "hmm", "please",
        "like", "well", "really", "thing", "things", "much", "many", "every", "even", "still", "back", "going", "gonna", "wanna",
    };

    public static IReadOnlyList<KeywordTag> Tags(IEnumerable<(string Word, double Confidence, string Source)> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var counted = new Dictionary<string, (int Count, double ConfidenceSum, SortedSet<string> Sources)>(StringComparer.Ordinal);
        foreach (var (word, confidence, source) in words)
        {
            if (Normalize(word) is not { } key)
            {
                continue;
            }

            var entry = counted.TryGetValue(key, out var found) ? found : (0, 0, new SortedSet<string>(StringComparer.Ordinal));
            entry.Sources.Add(source);
            counted[key] = (entry.Item1 + 1, entry.Item2 + confidence, entry.Sources);
        }

        return [.. counted
            .Select(kv => new KeywordTag(kv.Key, kv.Value.Count, Math.Round(kv.Value.ConfidenceSum / kv.Value.Count, 2), [.. kv.Value.Sources]))
            .OrderByDescending(t => t.Count).ThenByDescending(t => t.Confidence).ThenBy(t => t.Tag, StringComparer.Ordinal)
            .Take(MaxTags)];
    }

    /// <summary>The word as a tag key, or null when it is too short, has no letter or is a stop word.</summary>
    public static string? Normalize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var trimmed = Trim(word).ToLowerInvariant().Normalize(NormalizationForm.FormC);
        var chinese = trimmed.Any(IsHan);
        if (trimmed.Length < (chinese ? 2 : MinLetters) || !trimmed.Any(char.IsLetter) || StopWords.Contains(trimmed))
        {
            return null;
        }

        return trimmed;
    }

    private static string Trim(string word)
    {
        var (start, end) = (0, word.Length);
        while (start < end && !char.IsLetterOrDigit(word[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(word[end - 1]))
        {
            end--;
        }

        return word[start..end];
    }

    private static bool IsHan(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c is >= '\u4E00' and <= '\u9FFF';
}
