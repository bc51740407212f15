namespace Mediaflow.Application.Ai;

/// <summary>The request of <c>CreateAsrHotwords</c> / <c>ModifyAsrHotwords</c> (SDK shapes): a text library (Type 0, Content) or a file (Type 1, base64 FileContent + FileName).</summary>
public sealed record AsrHotwordsChange
{
    public string? HotwordsId { get; init; }
    public long? Type { get; init; }
    public string? Name { get; init; }
    public string? Content { get; init; }
    public string? FileContent { get; init; }
    public string? FileName { get; init; }
}
