namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// Turns ffprobe's <c>-of compact</c> output, line by line, into records without holding more than one in memory. A line
/// that starts with a top-level section name opens a record; a line that starts with <c>|</c> or a nested section name
/// (<c>log</c>, <c>side_data</c>) continues it. Within a line, a bare token (no <c>=</c>) opens a nested section and the
/// <c>key=value</c> tokens after it belong to that section. Compact escapes <c>|</c> in values as <c>\|</c>.
/// </summary>
public sealed class FfprobeCompactReader
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "packet", "frame", "stream", "program", "format" };

    private string? section;
    private Dictionary<string, string> fields = new(StringComparer.Ordinal);
    private List<FfprobeNestedSection> nested = [];

    /// <summary>Feeds one line; returns the record the line closed (the previous one), if any.</summary>
    public FfprobeRecord? Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            return null;
        }

        var tokens = Split(line);
        FfprobeRecord? closed = null;
        var start = 0;
        if (TopLevel.Contains(tokens[0]))
        {
            closed = Flush();
            section = tokens[0];
            start = 1;
        }
        else if (section is null)
        {
            return null; // a stray continuation before any record (cannot happen with ffprobe's writer)
        }

        Dictionary<string, string>? current = null;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length == 0)
            {
                continue;
            }

            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                nested.Add(new FfprobeNestedSection(token, current));
                continue;
            }

            var target = current ?? fields;
            target.TryAdd(token[..eq], token[(eq + 1)..]);
        }

        return closed;
    }

    /// <summary>Closes and returns the open record (call once at the end of the output).</summary>
    public FfprobeRecord? Flush()
    {
        if (section is null)
        {
            return null;
        }

        var record = new FfprobeRecord(section, fields, nested);
        section = null;
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        nested = [];
        return record;
    }

    private static List<string> Split(string line)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                current.Append(line[++i]);
            }
            else if (c == '|')
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        tokens.Add(current.ToString());
        return tokens;
    }
}
