using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.Ai.Review;

/// <summary>
/// How a keyword is found in recognized text (pure): case-insensitive; a keyword with CJK characters as a substring of
/// the text with its blanks removed (OCR separates CJK characters with spaces); any other keyword on word boundaries,
/// its words separated by any blanks ("nude video" matches "Nude   video", "porn" does not match "porno").
/// </summary>
public static class KeywordMatcher
{
    public static bool HasCjk(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(IsCjk);
    }

    public static bool Contains(string text, string keyword)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keyword);
        if (HasCjk(keyword))
        {
            return Squeeze(text).Contains(Squeeze(keyword), StringComparison.OrdinalIgnoreCase);
        }

        var words = keyword.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words) + @"(?![\p{L}\p{N}])";
        return Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Where a Latin keyword's words occur as consecutive recognized words (ASR): the index of the first word of each
    /// occurrence. A CJK keyword matches the words joined without blanks, reported at the first word.
    /// </summary>
    public static IReadOnlyList<(int First, int Count)> Occurrences(IReadOnlyList<string> words, string keyword)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(keyword);
        if (HasCjk(keyword))
        {
            return words.Count > 0 && Squeeze(string.Concat(words)).Contains(Squeeze(keyword), StringComparison.OrdinalIgnoreCase) ? [(0, words.Count)] : [];
        }

        var parts = keyword.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var found = new List<(int, int)>();
        for (var i = 0; parts.Length > 0 && i + parts.Length <= words.Count; i++)
        {
            if (parts.Select((p, j) => string.Equals(words[i + j], p, StringComparison.OrdinalIgnoreCase)).All(equal => equal))
            {
                found.Add((i, parts.Length));
            }
        }

        return found;
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsCjk(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter
        && (c is >= '\u2E80' and <= '\u9FFF' || c is >= '\uF900' and <= '\uFAFF' || c is >= '\u3040' and <= '\u30FF' || c is >= '\uAC00' and <= '\uD7AF');
}
