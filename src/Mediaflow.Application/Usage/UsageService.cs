using System.Globalization;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Usage;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Mediaflow.Storage;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Usage;

/// <summary>
/// DescribeUsageData (docs/usage.md): the usage records of successful nodes, per day of the requested range (days in the
/// StartTime's UTC offset), per billed task type, with <c>Details</c> per specification, plus our <c>MfBreakdown</c>
/// (totals by node type, band, orchestration, cost centre and day) the console draws.
/// </summary>
public sealed class UsageService(MediaflowDbContext db, TimeProvider time, StorageOptions storage)
{
    /// <summary>The spec's limits: a range of at most 90 days within the last 365.</summary>
    public const int MaxDays = 90;

    public const int HistoryDays = 365;

    public async Task<JsonObject> DescribeAsync(long appId, DescribeUsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to) = Range(query.StartTime, query.EndTime, time.GetUtcNow());
        var types = Types(query.Types);
        var inRegion = query.ProcessRegions is not { Count: > 0 } regions || regions.Contains(storage.DefaultRegion, StringComparer.Ordinal);
        var activityTypes = types.SelectMany(UsageTaskTypes.ActivityTypesOf).ToList();

        var rows = db.Usage.AsNoTracking().Where(u => u.AppId == appId && u.RecordedAt >= from && u.RecordedAt < to && activityTypes.Contains(u.NodeType));
        if (query.ScheduleIds is { Count: > 0 } scheduleIds)
        {
            rows = rows.Where(u => scheduleIds.Contains(u.ScheduleId));
        }

        if (query.ResourceIds is { Count: > 0 } resourceIds)
        {
            rows = rows.Where(u => resourceIds.Contains(u.ResourceId));
        }

        var records = inRegion ? await rows.ToListAsync(cancellationToken) : [];
        var days = Enumerable.Range(0, (int)(to - from).TotalDays).Select(d => from.AddDays(d)).ToList();
        var data = new JsonArray();
        foreach (var type in types)
        {
            var members = UsageTaskTypes.ActivityTypesOf(type);
            var images = members.Count > 0 && UsageTaskTypes.Of(members[0])?.Unit == UsageUnit.Images;
            var ofType = records.Where(r => UsageTaskTypes.Of(r.NodeType)?.Name == type).ToList();
            var details = new JsonArray();
            foreach (var group in ofType.GroupBy(r => UsageTaskTypes.Of(r.NodeType)!.Specification?.Invoke(r.Band, r.Codec)).Where(g => g.Key is not null).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                details.Add(new JsonObject { ["Specification"] = group.Key, ["Data"] = PerDay(days, [.. group]) });
            }

            data.Add(new JsonObject
            {
                ["TaskType"] = type,
                ["Summary"] = PerDay(days, ofType),
                ["Details"] = details,
                ["MfUsageUnit"] = images ? "Images" : "Seconds",
            });
        }

        return new JsonObject { ["Data"] = data, ["MfBreakdown"] = Breakdown(days, records) };
    }

    /// <summary>[first day 00:00, day after the last 00:00) in the StartTime's offset; refuses reversed, too long or too old ranges.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(string startTime, string endTime, DateTimeOffset now)
    {
        var start = Parse(startTime, "StartTime");
        var end = Parse(endTime, "EndTime");
        if (end < start)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("EndTime"), "EndTime must not be before StartTime");
        }

        var from = new DateTimeOffset(start.Date, start.Offset);
        var to = new DateTimeOffset(end.ToOffset(start.Offset).Date, start.Offset).AddDays(1);
        if ((to - from).TotalDays > MaxDays)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("EndTime"),
                string.Create(CultureInfo.InvariantCulture, $"the range spans {(to - from).TotalDays:0} days; at most {MaxDays} days can be queried at once"));
        }

        if (from < now.AddDays(-HistoryDays))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("StartTime"), string.Create(CultureInfo.InvariantCulture, $"StartTime must be within the last {HistoryDays} days"));
        }

        return (from, to);
    }

    private static DateTimeOffset Parse(string value, string field) =>
        string.IsNullOrEmpty(value) ? throw new ApiException(ApiErrorCodes.MissingParameter, $"{field} is required")
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed
        : throw new ApiException(ApiErrorCodes.InvalidValue(field), $"{field} must be an ISO-8601 time such as 2026-11-26T00:00:00+08:00");

    private static List<string> Types(IReadOnlyList<string>? requested)
    {
        if (requested is not { Count: > 0 })
        {
            return [UsageTaskTypes.Transcode]; // the spec's default
        }

        var unknown = requested.FirstOrDefault(t => !UsageTaskTypes.Accepted.Contains(t, StringComparer.Ordinal));
        return unknown is null ? [.. requested.Distinct(StringComparer.Ordinal)]
            : throw new ApiException(ApiErrorCodes.InvalidValue("Types"), $"Types: unknown task type '{unknown}'; one of {string.Join(", ", UsageTaskTypes.Accepted)}");
    }

    private static JsonArray PerDay(List<DateTimeOffset> days, List<UsageRow> records) =>
        [.. days.Select(day =>
        {
            var inDay = records.Where(r => r.RecordedAt >= day && r.RecordedAt < day.AddDays(1)).ToList();
            return (JsonNode)new JsonObject { ["Time"] = DayTime(day), ["Count"] = inDay.Count, ["Usage"] = Round(inDay.Sum(r => r.OutputSeconds)) };
        })];

    /// <summary>Our extension: totals by node type, band, orchestration (0 = ad-hoc), cost centre and day; seconds and images apart.</summary>
    private static JsonObject Breakdown(List<DateTimeOffset> days, List<UsageRow> records) => new()
    {
        ["ByNodeType"] = Groups(records.GroupBy(r => r.NodeType)),
        ["ByBand"] = Groups(records.GroupBy(r => r.Band)),
        ["BySchedule"] = Groups(records.GroupBy(r => r.ScheduleId.ToString(CultureInfo.InvariantCulture))),
        ["ByResource"] = Groups(records.GroupBy(r => r.ResourceId)),
        ["ByDay"] = new JsonArray([.. days.Select(day => (JsonNode)Group(DayTime(day), [.. records.Where(r => r.RecordedAt >= day && r.RecordedAt < day.AddDays(1))]))]),
    };

    private static JsonArray Groups(IEnumerable<IGrouping<string, UsageRow>> groups) =>
        [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (JsonNode)Group(g.Key, [.. g]))];

    private static JsonObject Group(string key, List<UsageRow> records) => new()
    {
        ["Key"] = key,
        ["Count"] = records.Count,
        ["Seconds"] = Round(records.Where(r => UsageTaskTypes.Of(r.NodeType)?.Unit != UsageUnit.Images).Sum(r => r.OutputSeconds)),
        ["Images"] = (long)records.Where(r => UsageTaskTypes.Of(r.NodeType)?.Unit == UsageUnit.Images).Sum(r => r.OutputSeconds),
    };

    private static string DayTime(DateTimeOffset day) => day.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture).Replace("Z", "+00:00", StringComparison.Ordinal);

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
