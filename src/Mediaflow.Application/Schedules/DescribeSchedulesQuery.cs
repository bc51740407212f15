namespace Mediaflow.Application.Schedules;

public sealed record DescribeSchedulesQuery(IReadOnlyList<long>? ScheduleIds, string? TriggerType, string? Status, long Offset, long Limit);
