using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.Ai;

/// <summary>
/// Parses <c>pocketsphinx_continuous -time yes</c> output (pure, tested on captured output): per utterance a hypothesis
/// line, then <c>word start end posterior</c> lines between <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c>. Pronunciation variants
/// (<c>was(2)</c>) are folded into the word; silences and fillers (<c>&lt;sil&gt;</c>, <c>[NOISE]</c>, <c>++…++</c>) are dropped.
/// The posterior (0–1) becomes a 0–100 confidence.
/// </summary>
public static partial class SphinxOutputParser
{
    public static IReadOnlyList<Utterance> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var utterances = new List<Utterance>();
        List<SpokenWord>? current = null;
        foreach (var raw in output.Split('\n'))
        {
            var match = TimedLine().Match(raw.Trim());
            if (!match.Success)
            {
                continue; // the hypothesis line: the words below carry the same text with times
            }

            var token = match.Groups["word"].Value;
            if (token == "<s>")
            {
                current = [];
                continue;
            }

            if (token == "</s>")
            {
                if (current is { Count: > 0 })
                {
                    utterances.Add(new Utterance(string.Join(' ', current.Select(w => w.Word)), current[0].Start, current[^1].End,
                        Math.Round(current.Average(w => w.Confidence), 2), current));
                }

                current = null;
                continue;
            }

            if (current is null || token.StartsWith('<') || token.StartsWith('[') || token.StartsWith("++", StringComparison.Ordinal))
            {
                continue;
            }

            var word = Variant().Replace(token, "");
            current.Add(new SpokenWord(word, Number(match, "start"), Number(match, "end"), Math.Round(Number(match, "p") * 100, 2)));
        }

        return utterances;
    }

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<word>\S+) (?<start>\d+(\.\d+)?) (?<end>\d+(\.\d+)?) (?<p>\d+(\.\d+)?([eE][-+]?\d+)?)$")]
    private static partial Regex TimedLine();

    [GeneratedRegex(@"\(\d+\)$")]
    private static partial Regex Variant();
}
