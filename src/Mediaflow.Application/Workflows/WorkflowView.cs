using System.Text.Json.Nodes;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence.Engine;

namespace Mediaflow.Application.Workflows;

/// <summary>The wire <c>WorkflowInfo</c> of DescribeWorkflows, from the workflow as stored.</summary>
public static class WorkflowView
{
    public static JsonObject Build(ScheduleRow row)
    {
        var workflow = WorkflowService.Stored(row);
        return new JsonObject
        {
            ["WorkflowId"] = row.Id,
            ["WorkflowName"] = row.Name,
            ["Status"] = row.Status,
            ["Trigger"] = ToNode(workflow.Trigger),
            ["OutputStorage"] = ToNode(workflow.OutputStorage),
            ["MediaProcessTask"] = ToNode(workflow.MediaProcessTask),
            ["AiContentReviewTask"] = null,
            ["AiAnalysisTask"] = null,
            ["AiRecognitionTask"] = null,
            ["TaskNotifyConfig"] = ToNode(workflow.TaskNotifyConfig),
            ["TaskPriority"] = workflow.TaskPriority ?? 0,
            ["OutputDir"] = workflow.OutputDir ?? "",
            ["CreateTime"] = WireTime.Format(row.CreateTime),
            ["UpdateTime"] = WireTime.Format(row.UpdateTime),
        };
    }

    private static JsonNode? ToNode<T>(T value) => value is null ? null : JsonNode.Parse(EngineJson.Serialize(value));
}
