namespace Mediaflow.Media.Jobs;

/// <summary>
/// A typed filter: its name and named arguments. Argument values are numbers or plain words; the renderer refuses
/// characters that would need filter-graph escaping, so no value can change the graph's structure.
/// </summary>
public abstract record Filter
{
    public abstract string Name { get; }

    public abstract IEnumerable<KeyValuePair<string, string>> Arguments();

    /// <summary>The argument is an ffmpeg expression (rendered quoted, with its own character set), not a plain word.</summary>
    public virtual bool IsExpression(string key) => false;

    /// <summary>The argument is free text (e.g. an ASS style list), rendered single-quoted from a restricted character set.</summary>
    public virtual bool IsQuotedText(string key) => false;

    protected static KeyValuePair<string, string> Arg(string key, string value) => new(key, value);

    protected static KeyValuePair<string, string> Arg(string key, long value) =>
        new(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
