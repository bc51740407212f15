namespace Mediaflow.Application.Ai;

/// <summary>The filters and paging of <c>DescribeAsrHotwords</c> / <c>DescribeAsrHotwordsList</c> (SDK shapes).</summary>
public sealed record AsrHotwordsQuery
{
    public string? HotwordsId { get; init; }
    public string? Name { get; init; }
    public long? Offset { get; init; }
    public long? Limit { get; init; }
    public string? OrderBy { get; init; }
    public long? OrderType { get; init; }
    public IReadOnlyList<long>? Types { get; init; }
}
