using System.Text.Json.Nodes;
using Mediaflow.Application.ExternalS3;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence.Engine;

namespace Mediaflow.Application.Schedules;

/// <summary>The wire <c>SchedulesInfo</c> of DescribeSchedules, with server-computed <c>PredriveIndex</c>.</summary>
public static class ScheduleView
{
    public static JsonObject Build(ScheduleRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var definition = EngineJson.Deserialize<OrchestrationDefinition>(row.DefinitionJson);
        var activities = definition.Activities ?? [];
        var graph = DagGraph.From(activities);
        var withPredecessors = activities.Select((a, i) => a with
        {
            ReardriveIndex = a.ReardriveIndex ?? [],
            PredriveIndex = graph.Predecessors[i].Select(p => (long)p).ToList(),
        }).ToList();
        var info = new JsonObject
        {
            ["ScheduleId"] = row.Id,
            ["ScheduleName"] = row.Name,
            ["Type"] = "Custom",
            ["Status"] = row.Status,
            ["Trigger"] = ToNode(definition.Trigger),
            ["Activities"] = ToNode(withPredecessors),
            ["OutputStorage"] = ToNode(definition.OutputStorage),
            ["OutputDir"] = definition.OutputDir ?? "",
            ["TaskNotifyConfig"] = ToNode(definition.TaskNotifyConfig),
            ["CreateTime"] = WireTime.Format(row.CreateTime),
            ["UpdateTime"] = WireTime.Format(row.UpdateTime),
            ["ResourceId"] = definition.ResourceId ?? "",
            ["MfCanvasLayout"] = definition.MfCanvasLayout ?? "",
        };
        ExternalSecrets.MaskIn(info);
        return info;
    }

    private static JsonNode? ToNode<T>(T value) => value is null ? null : JsonNode.Parse(EngineJson.Serialize(value));
}
