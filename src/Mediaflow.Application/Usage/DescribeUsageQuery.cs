namespace Mediaflow.Application.Usage;

/// <summary>
/// DescribeUsageData's request as the wire gives it (times still text, validated by <see cref="UsageService"/>):
/// the spec's fields plus our filters <c>MfScheduleIds</c> and <c>MfResourceIds</c> (DESIGN §7.7).
/// </summary>
public sealed record DescribeUsageQuery(
    string StartTime,
    string EndTime,
    IReadOnlyList<string>? Types = null,
    IReadOnlyList<string>? ProcessRegions = null,
    IReadOnlyList<long>? ScheduleIds = null,
    IReadOnlyList<string>? ResourceIds = null);
