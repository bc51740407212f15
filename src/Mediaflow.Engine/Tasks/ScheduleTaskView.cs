using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Persistence.Engine;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// Builds the wire <c>ScheduleTask</c> object (DescribeTaskDetail's ScheduleTask and a callback's ScheduleTaskEvent)
/// from the stored task and its node runs. One entry per action node in Activities order, with <c>MfActivityIndex</c>.
/// </summary>
public static class ScheduleTaskView
{
    public static JsonObject Build(TaskRow task, IReadOnlyCollection<NodeRunRow> nodes)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(nodes);
        var results = new JsonArray();
        foreach (var node in nodes.OrderBy(n => n.NodeIndex))
        {
            results.Add(BuildActivityResult(node));
        }

        return new JsonObject
        {
            ["TaskId"] = task.TaskId,
            ["Status"] = task.Status,
            ["ErrCode"] = task.ErrCode,
            ["Message"] = task.Message,
            ["InputInfo"] = JsonNode.Parse(task.InputInfoJson),
            ["MetaData"] = task.MetaDataJson is null ? null : JsonNode.Parse(task.MetaDataJson),
            ["ActivityResultSet"] = results,
        };
    }

    private static JsonObject BuildActivityResult(NodeRunRow node)
    {
        var item = new JsonObject
        {
            ["Status"] = node.Status,
            ["ErrCodeExt"] = node.ErrCodeExt,
            ["ErrCode"] = node.ErrCode,
            ["Message"] = node.Message,
            ["Progress"] = node.Progress,
            ["Input"] = JsonNode.Parse(node.InputJson),
            ["Output"] = node.OutputJson is null ? null : JsonNode.Parse(node.OutputJson),
            ["BeginProcessTime"] = WireTime.Format(node.BeginProcessTime),
            ["FinishTime"] = WireTime.Format(node.FinishTime),
        };
        if (node.ActivityType == ActivityTypes.ExecRules && item["Output"] is JsonObject decision)
        {
            // DESIGN §7.4: the decision's why sits beside Output (which keeps the spec's ExecRuleTaskData shape).
            foreach (var member in new[] { "MfMatchedRule", "MfEvaluations" })
            {
                if (decision.Remove(member, out var value))
                {
                    item[member] = value;
                }
            }
        }

        return new JsonObject
        {
            ["ActivityType"] = ActivityTypes.ResultType(node.ActivityType),
            ["ActivityResItem"] = new JsonObject { [ResultMember(node.ActivityType)] = item },
            ["MfActivityIndex"] = node.NodeIndex,
        };
    }

    /// <summary>The ActivityResItem member a node's result goes in (note the drift from the input names, spec §6).</summary>
    public static string ResultMember(string activityType) => activityType switch
    {
        ActivityTypes.Transcode => "TranscodeTask",
        "action-samplesnapshot" => "SampleSnapshotTask",
        "action-snapshotByTimeOffset" => "SnapshotByTimeOffsetTask",
        "action-image-sprite" => "ImageSpriteTask",
        "action-animated-graphics" => "AnimatedGraphicTask",
        "action-adaptive-substream" => "AdaptiveDynamicStreamingTask",
        "action-aiReview" => "ReviewTask",
        "action-AIAnalysis" => "AnalysisTask",
        "action-AIRecognition" => "RecognitionTask",
        "action-AIQualityControl" => "QualityControlTask",
        "action-SmartSubtitles" => "SmartSubtitlesTask",
        "action-SmartErase" => "SmartEraseTask",
        "action-exec-rules" => "ExecRuleTask",
        _ => activityType,
    };
}
