namespace Mediaflow.Application.Tasks;

public sealed record DescribeTasksQuery(string Status, bool? SubTaskHasFailed, long Limit, string? ScrollToken, DateTimeOffset? StartTime, DateTimeOffset? EndTime);
