namespace Mediaflow.Persistence.Ai;

/// <summary>
/// One ASR hot-word library of an account (<c>CreateAsrHotwords</c>): Type 0 = text (<see cref="Content"/> as given),
/// Type 1 = an uploaded file (<see cref="Content"/> = its text, <see cref="FileName"/>); <see cref="WordCount"/> entries.
/// </summary>
public sealed class AsrHotwordsRow
{
    public string HotwordsId { get; set; } = "";
    public long AppId { get; set; }
    public string Name { get; set; } = "";
    public int Type { get; set; }
    public string Content { get; set; } = "";
    public string FileName { get; set; } = "";
    public int WordCount { get; set; }
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset UpdateTime { get; set; }
}
