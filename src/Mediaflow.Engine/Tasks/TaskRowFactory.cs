using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Persistence.Engine;

namespace Mediaflow.Engine.Tasks;

/// <summary>Turns a <see cref="NewTask"/> into its rows: the task (WAITING) and one WAITING node run per action node.</summary>
public static class TaskRowFactory
{
    public static (TaskRow Task, List<NodeRunRow> Nodes) Create(NewTask request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taskId = TaskIds.NewTaskId(request.AppId, request.TaskType);
        var templates = request.Templates.ToSnapshot();

        var inputInfo = new JsonObject
        {
            ["Type"] = "COS",
            ["CosInputInfo"] = new JsonObject
            {
                ["Bucket"] = request.Input.Bucket,
                ["Region"] = request.Input.Region,
                ["Object"] = "/" + request.Input.Key,
            },
        };
        var task = new TaskRow
        {
            TaskId = taskId,
            AppId = request.AppId,
            ScheduleId = request.ScheduleId,
            ScheduleVersion = request.ScheduleVersion,
            TaskType = request.TaskType,
            Status = TaskFlowStatus.Waiting,
            IdempotencyKey = request.IdempotencyKey,
            ActivitiesJson = EngineJson.Serialize(request.Activities),
            TemplatesJson = templates.ToJsonString(),
            InputInfoJson = inputInfo.ToJsonString(),
            InputBucket = request.Input.Bucket,
            InputRegion = request.Input.Region,
            InputKey = request.Input.Key,
            InputBlobId = request.Input.BlobId,
            InputETag = request.Input.ETag,
            InputLineageDepth = request.InputLineageDepth,
            OutputBucket = request.OutputBucket,
            OutputRegion = request.OutputRegion,
            OutputDir = request.OutputDir,
            NotifyJson = request.Notify is null ? null : EngineJson.Serialize(request.Notify),
            SessionId = request.SessionId,
            SessionContext = request.SessionContext,
            ResourceId = request.ResourceId,
            Priority = request.Priority,
            CreateTime = now,
        };

        var nodes = new List<NodeRunRow>();
        for (var i = 0; i < request.Activities.Count; i++)
        {
            var activity = request.Activities[i];
            if (activity.ActivityType is ActivityTypes.Input or ActivityTypes.Output or null)
            {
                continue;
            }

            nodes.Add(new NodeRunRow
            {
                TaskId = taskId,
                NodeIndex = i,
                ActivityType = activity.ActivityType,
                Status = NodeStatus.Waiting.WireName(),
                InputJson = NodeInputJson(activity),
            });
        }

        return (task, nodes);
    }

    /// <summary>The result's <c>Input</c> echo: the node's ActivityPara member as submitted.</summary>
    private static string NodeInputJson(Activity activity)
    {
        var para = JsonNode.Parse(EngineJson.Serialize(activity.ActivityPara ?? new ActivityPara())) as JsonObject;
        var member = para?.FirstOrDefault(kv => kv.Value is not null).Value;
        return member?.ToJsonString() ?? "{}";
    }
}
