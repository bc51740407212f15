using System.Text;

namespace Mediaflow.Media.Ai.HotWords;

/// <summary>
/// Applies a hot-word library to recognized speech after the fact (pure; docs/media-ai-subtitles.md). CMU Sphinx cannot
/// be biased towards words at run time without rebuilding its language model, and it spells a word it does not know as
/// the nearest words it does know ("mediaflow" → "media flow"). So each run of one to (hot-word words + 2) recognized
/// words is compared with each hot word on a rough phonetic key (letters and digits only, common English spellings of
/// the same sound folded, doubled letters collapsed); the closest hot word within the weight's edit-distance budget
/// replaces the run, keeping its start, end and mean confidence. Weight 1 allows 22 % of the key to differ, each weight
/// step 2 % more, up to 40 % at 10 and above; keys shorter than 4 characters are never corrected.
/// </summary>
public static class HotWordCorrector
{
    private const int MinKeyLength = 4;

    public static IReadOnlyList<Utterance> Apply(IReadOnlyList<Utterance> utterances, IReadOnlyList<HotWord> hotWords)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        ArgumentNullException.ThrowIfNull(hotWords);
        var entries = hotWords
            .Select(h => (Word: h, Key: Key(h.Text), Tokens: h.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length))
            .Where(e => e.Key.Length >= MinKeyLength)
            .ToList();
        if (entries.Count == 0)
        {
            return utterances;
        }

        return [.. utterances.Select(u =>
        {
            var words = Correct(u.Words, entries);
            return ReferenceEquals(words, u.Words) ? u : u with { Text = string.Join(' ', words.Select(w => w.Word)), Words = words };
        })];
    }

    private static IReadOnlyList<SpokenWord> Correct(IReadOnlyList<SpokenWord> words, List<(HotWord Word, string Key, int Tokens)> entries)
    {
        var result = new List<SpokenWord>(words.Count);
        var changed = false;
        for (var i = 0; i < words.Count;)
        {
            (HotWord Word, int Length, double Distance)? best = null;
            foreach (var entry in entries)
            {
                for (var length = 1; length <= entry.Tokens + 2 && i + length <= words.Count; length++)
                {
                    var heard = Key(string.Concat(words.Skip(i).Take(length).Select(w => w.Word)));
                    var distance = Levenshtein(heard, entry.Key) / (double)Math.Max(heard.Length, entry.Key.Length);
                    if (distance <= Budget(entry.Word.Weight) && (best is null || distance < best.Value.Distance
                        || (distance == best.Value.Distance && length > best.Value.Length)))
                    {
                        best = (entry.Word, length, distance);
                    }
                }
            }

            if (best is { } hit && !(hit.Length == 1 && words[i].Word == hit.Word.Text))
            {
                var run = words.Skip(i).Take(hit.Length).ToList();
                result.Add(new SpokenWord(hit.Word.Text, run[0].Start, run[^1].End, Math.Round(run.Average(w => w.Confidence), 2)));
                i += hit.Length;
                changed = true;
            }
            else
            {
                result.Add(words[i]);
                i++;
            }
        }

        return changed ? result : words;
    }

    /// <summary>The share of the key that may differ for a hot word of this weight.</summary>
    public static double Budget(int weight) => 0.2 + (0.02 * Math.Clamp(weight, 1, 10));

    /// <summary>A rough English phonetic key: lower-case letters and digits, ph→f, ck/q/c(a,o,u)→k, x→ks, z→s, doubled letters once.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = new string([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        letters = letters.Replace("ph", "f", StringComparison.Ordinal).Replace("ck", "k", StringComparison.Ordinal)
            .Replace("q", "k", StringComparison.Ordinal).Replace("x", "ks", StringComparison.Ordinal).Replace("z", "s", StringComparison.Ordinal)
            .Replace("ca", "ka", StringComparison.Ordinal).Replace("co", "ko", StringComparison.Ordinal).Replace("cu", "ku", StringComparison.Ordinal);
        var key = new StringBuilder(letters.Length);
        foreach (var c in letters)
        {
            if (key.Length == 0 || key[^1] != c)
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
