namespace Mediaflow.Persistence.Ai;

/// <summary>
/// One keyword of an account's word library (WordSample actions): the keyword (unique per account), its tags and
/// its usages as given (<c>Recognition.Ocr</c>, <c>Review</c>, <c>All</c> …, JSON arrays).
/// </summary>
public sealed class WordSampleRow
{
    public long AppId { get; set; }
    public string Keyword { get; set; } = "";
    public string TagsJson { get; set; } = "[]";
    public string UsagesJson { get; set; } = "[]";
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset UpdateTime { get; set; }
}
