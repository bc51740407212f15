using System.Globalization;
using Mediaflow.Api.Actions;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Api.Tasks;

/// <summary><c>DescribeTasks</c> → <c>{TaskSet, ScrollToken, TotalCount}</c> over the last 7 days.</summary>
public static class DescribeTasksAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, TaskQueryService>("DescribeTasks", async (request, caller, tasks, cancellationToken) =>
        {
            var query = new DescribeTasksQuery(request.Status!, request.SubTaskHasFailed, request.Limit ?? 10, request.ScrollToken,
                ParseTime(request.StartTime, nameof(request.StartTime)), ParseTime(request.EndTime, nameof(request.EndTime)));
            var (total, items, scrollToken) = await tasks.DescribeAsync(caller.AppId, query, cancellationToken);
            return new { TaskSet = items, ScrollToken = scrollToken, TotalCount = total };
        });
    }

    private static DateTimeOffset? ParseTime(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new ApiException(ApiErrorCodes.InvalidValue(field), $"{field} must be an ISO-8601 time");

    public sealed class Request : IMpsRequest
    {
        public string? Status { get; init; }
        public bool? SubTaskHasFailed { get; init; }
        public long? Limit { get; init; }
        public string? ScrollToken { get; init; }
        public string? StartTime { get; init; }
        public string? EndTime { get; init; }

        public void Validate() => MpsRequire.Present(Status, nameof(Status));
    }
}
