using System.Text.Json.Nodes;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Tasks;

/// <summary>DescribeTasks and DescribeTaskDetail: tasks stay queryable for <see cref="Retention"/> (7 days, spec §12).</summary>
public sealed class TaskQueryService(MediaflowDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async Task<(long Total, List<JsonObject> Items, string ScrollToken)> DescribeAsync(long appId, DescribeTasksQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Status is not (TaskFlowStatus.Waiting or TaskFlowStatus.Processing or TaskFlowStatus.Finish))
        {
            throw new ApiException(string.IsNullOrEmpty(query.Status) ? ApiErrorCodes.MissingParameter : ApiErrorCodes.InvalidParameterValue,
                "Status must be WAITING, PROCESSING or FINISH");
        }

        var limit = query.Limit == 0 ? 10 : query.Limit;
        if (limit is < 1 or > 100)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, "Limit must be 1-100");
        }

        var oldest = time.GetUtcNow() - Retention;
        var from = query.StartTime is { } start && start > oldest ? start : oldest;
        var tasks = db.Tasks.AsNoTracking().Where(t => t.AppId == appId && t.Status == query.Status && t.CreateTime >= from);
        if (query.EndTime is { } end)
        {
            tasks = tasks.Where(t => t.CreateTime < end);
        }

        if (query.SubTaskHasFailed is { } failed && query.Status == TaskFlowStatus.Finish)
        {
            var failedTasks = db.NodeRuns.Where(n => n.Status == "FAIL").Select(n => n.TaskId);
            tasks = failed ? tasks.Where(t => failedTasks.Contains(t.TaskId)) : tasks.Where(t => !failedTasks.Contains(t.TaskId));
        }

        var total = await tasks.LongCountAsync(cancellationToken);
        if (!string.IsNullOrEmpty(query.ScrollToken))
        {
            var anchor = await db.Tasks.AsNoTracking().Where(t => t.TaskId == query.ScrollToken && t.AppId == appId)
                .Select(t => (DateTimeOffset?)t.CreateTime).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ApiException(ApiErrorCodes.InvalidParameterValue, "ScrollToken is not valid");
            var token = query.ScrollToken;
            tasks = tasks.Where(t => t.CreateTime < anchor || (t.CreateTime == anchor && string.Compare(t.TaskId, token) <= 0));
        }

        var page = await tasks.OrderByDescending(t => t.CreateTime).ThenByDescending(t => t.TaskId).Take((int)limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? page[^1].TaskId : "";
        var shown = page.Take((int)limit).ToList();
        var ids = shown.Select(t => t.TaskId).ToList();
        var types = await db.NodeRuns.AsNoTracking().Where(n => ids.Contains(n.TaskId)).Select(n => new { n.TaskId, n.ActivityType }).ToListAsync(cancellationToken);
        var items = shown.Select(t => new JsonObject
        {
            ["TaskId"] = t.TaskId,
            ["TaskType"] = t.TaskType,
            ["MfScheduleId"] = t.ScheduleId,
            ["MfStatus"] = t.Status,
            ["MfInputKey"] = t.InputKey,
            ["CreateTime"] = WireTime.Format(t.CreateTime),
            ["BeginProcessTime"] = WireTime.Format(t.BeginProcessTime),
            ["FinishTime"] = WireTime.Format(t.FinishTime),
            ["SubTaskTypes"] = new JsonArray(types.Where(x => x.TaskId == t.TaskId).Select(x => ActivityTypes.ResultType(x.ActivityType)).Distinct()
                .Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
        }).ToList();
        return (total, items, next);
    }

    /// <summary>DescribeTaskDetail's fields; each node result carries our extension <c>MfAttempts</c> (command line and log tail per attempt).</summary>
    public async Task<JsonObject> DetailAsync(long appId, string taskId, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.TaskId == taskId && t.AppId == appId, cancellationToken);
        if (task is null || task.CreateTime < time.GetUtcNow() - Retention)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("TaskId"), $"task {taskId} does not exist");
        }

        var nodes = await db.NodeRuns.AsNoTracking().Where(n => n.TaskId == taskId).ToListAsync(cancellationToken);
        var attempts = await db.NodeAttempts.AsNoTracking().Where(a => a.TaskId == taskId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var scheduleTask = ScheduleTaskView.Build(task, nodes);
        foreach (var result in scheduleTask["ActivityResultSet"]!.AsArray().OfType<JsonObject>())
        {
            var index = result["MfActivityIndex"]!.GetValue<int>();
            result["MfAttempts"] = new JsonArray(attempts.Where(a => a.NodeIndex == index).Select(AttemptView).ToArray());
        }

        return new JsonObject
        {
            ["TaskType"] = task.TaskType,
            ["Status"] = task.Status,
            ["CreateTime"] = WireTime.Format(task.CreateTime),
            ["BeginProcessTime"] = WireTime.Format(task.BeginProcessTime),
            ["FinishTime"] = WireTime.Format(task.FinishTime),
            ["ScheduleTask"] = task.TaskType == TaskTypes.WorkflowTask ? null : scheduleTask,
            ["WorkflowTask"] = task.TaskType == TaskTypes.WorkflowTask ? WorkflowTaskView.Build(scheduleTask) : null,
            ["TaskNotifyConfig"] = task.NotifyJson is null ? null : JsonNode.Parse(task.NotifyJson),
            ["TasksPriority"] = task.Priority,
            ["SessionId"] = task.SessionId,
            ["SessionContext"] = task.SessionContext,
            ["ExtInfo"] = "",
            ["MfScheduleId"] = task.ScheduleId,
            ["MfActivities"] = JsonNode.Parse(task.ActivitiesJson),
            ["MfInput"] = new JsonObject { ["Bucket"] = task.InputBucket, ["Region"] = task.InputRegion, ["Key"] = task.InputKey },
            ["MfOutput"] = new JsonObject { ["Bucket"] = task.OutputBucket, ["Region"] = task.OutputRegion, ["Dir"] = task.OutputDir },
        };
    }

    private static JsonNode AttemptView(NodeAttemptRow attempt) => new JsonObject
    {
        ["Attempt"] = attempt.Attempt,
        ["Outcome"] = attempt.Outcome,
        ["ErrCodeExt"] = attempt.ErrCodeExt,
        ["CommandLine"] = attempt.CommandLine,
        ["LogTail"] = attempt.LogTail,
        ["StartedAt"] = WireTime.Format(attempt.StartedAt),
        ["FinishedAt"] = WireTime.Format(attempt.FinishedAt),
        ["MfFusedWith"] = new JsonArray([.. attempt.FusedWith.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => (JsonNode)int.Parse(i, System.Globalization.CultureInfo.InvariantCulture))]),
    };
}
