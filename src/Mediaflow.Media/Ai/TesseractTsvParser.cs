using System.Globalization;

namespace Mediaflow.Media.Ai;

/// <summary>
/// Parses Tesseract's <c>tsv</c> output (<c>level page_num block_num par_num line_num word_num left top width height conf text</c>):
/// the word rows (level 5) with text. A pure function, tested on captured output.
/// </summary>
public static class TesseractTsvParser
{
    private const int WordLevel = 5;

    public static IReadOnlyList<OcrWord> Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var words = new List<OcrWord>();
        foreach (var raw in tsv.Split('\n'))
        {
            var fields = raw.TrimEnd('\r').Split('\t');
            if (fields.Length < 12 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level != WordLevel)
            {
                continue;
            }

            var text = string.Join('\t', fields[11..]).Trim();
            if (text.Length == 0 || !double.TryParse(fields[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) || confidence < 0)
            {
                continue;
            }

            words.Add(new OcrWord(Int(fields[1]), Int(fields[2]), Int(fields[3]), Int(fields[4]), Int(fields[6]), Int(fields[7]), Int(fields[8]), Int(fields[9]), confidence, text));
        }

        return words;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
