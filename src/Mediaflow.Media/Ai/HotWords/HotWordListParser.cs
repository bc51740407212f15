using System.Globalization;

namespace Mediaflow.Media.Ai.HotWords;

/// <summary>
/// Parses a hot-word library's text (pure): entries <c>word|weight</c> separated by commas or new lines (the text form
/// and the uploaded file form of <c>CreateAsrHotwords</c>); a missing weight is 10; blank entries are skipped. Weights
/// are 1–10, 11 or 100. Returns the entries, or the first problem as a message naming the entry.
/// </summary>
public static class HotWordListParser
{
    public const int MaxWords = 1000;
    public const int MaxWordLength = 32;

    public static (IReadOnlyList<HotWord> Words, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<HotWord>();
        var entries = text.Replace("\r", "", StringComparison.Ordinal).Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var (entry, index) in entries.Select((e, i) => (e, i + 1)))
        {
            var parts = entry.Split('|');
            var word = string.Join(' ', parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (parts.Length > 2 || word.Length == 0)
            {
                return ([], $"entry {index} \"{entry}\" is not word|weight");
            }

            if (word.Length > MaxWordLength)
            {
                return ([], $"entry {index}: a hot word has at most {MaxWordLength} characters");
            }

            var weight = 10;
            if (parts.Length == 2 && (!int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight is not (>= 1 and <= 11 or 100)))
            {
                return ([], $"entry {index} \"{entry}\": the weight must be 1-10, 11 or 100");
            }

            words.Add(new HotWord(word, weight));
        }

        if (words.Count == 0)
        {
            return ([], "the library has no hot word");
        }

        return words.Count > MaxWords ? ([], $"a library has at most {MaxWords} hot words") : (words, null);
    }
}
