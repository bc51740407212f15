using Mediaflow.Api.Actions;
using Mediaflow.Application.Usage;

namespace Mediaflow.Api.Usage;

/// <summary>
/// <c>DescribeUsageData</c> → <c>{Data: TaskStatData[], MfBreakdown}</c> (docs/usage.md): usage of the caller's successful
/// nodes per day, with our filters <c>MfScheduleIds</c> and <c>MfResourceIds</c>.
/// </summary>
public static class DescribeUsageDataAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, UsageService>("DescribeUsageData", async (request, caller, usage, cancellationToken) =>
            await usage.DescribeAsync(caller.AppId,
                new DescribeUsageQuery(request.StartTime!, request.EndTime!, request.Types, request.ProcessRegions, request.MfScheduleIds, request.MfResourceIds),
                cancellationToken));
    }

    public sealed class Request : IMpsRequest
    {
        public string? StartTime { get; init; }
        public string? EndTime { get; init; }
        public IReadOnlyList<string>? Types { get; init; }
        public IReadOnlyList<string>? ProcessRegions { get; init; }
        public IReadOnlyList<long>? MfScheduleIds { get; init; }
        public IReadOnlyList<string>? MfResourceIds { get; init; }

        public void Validate()
        {
            MpsRequire.Present(StartTime, nameof(StartTime));
            MpsRequire.Present(EndTime, nameof(EndTime));
        }
    }
}
