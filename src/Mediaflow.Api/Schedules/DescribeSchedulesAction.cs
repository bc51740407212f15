using Mediaflow.Api.Actions;
using Mediaflow.Application.Schedules;

namespace Mediaflow.Api.Schedules;

/// <summary><c>DescribeSchedules</c> → <c>{TotalCount, ScheduleInfoSet}</c>.</summary>
public static class DescribeSchedulesAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, ScheduleService>("DescribeSchedules", async (request, caller, schedules, cancellationToken) =>
        {
            var (total, items) = await schedules.DescribeAsync(caller.AppId,
                new DescribeSchedulesQuery(request.ScheduleIds, request.TriggerType, request.Status, request.Offset ?? 0, request.Limit ?? 10), cancellationToken);
            return new { TotalCount = total, ScheduleInfoSet = items };
        });
    }

    public sealed class Request : IMpsRequest
    {
        public IReadOnlyList<long>? ScheduleIds { get; init; }
        public string? TriggerType { get; init; }
        public string? Status { get; init; }
        public long? Offset { get; init; }
        public long? Limit { get; init; }

        public void Validate()
        {
        }
    }
}
