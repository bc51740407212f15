using System.Text.Json.Nodes;

namespace Mediaflow.Engine.Tasks;

/// <summary>
/// The wire <c>WorkflowTask</c> (DescribeTaskDetail's WorkflowTask and a callback's WorkflowTaskEvent, reference/mps-api.md
/// §12): the same task as <see cref="ScheduleTaskView"/>, its node results regrouped as <c>MediaProcessResultSet</c> entries
/// (<c>{Type, &lt;Type&gt;Task}</c>), keeping our <c>MfActivityIndex</c> (and whatever else the node result carries).
/// </summary>
public static class WorkflowTaskView
{
    public static JsonObject Build(JsonObject scheduleTask)
    {
        ArgumentNullException.ThrowIfNull(scheduleTask);
        var results = new JsonArray();
        JsonNode? qualityControl = null;
        JsonNode? subtitles = null;
        foreach (var result in scheduleTask["ActivityResultSet"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            // A flat AiQualityControlTask (ProcessMedia) reports in its own member, not among the media results (spec §12).
            if (result["ActivityResItem"]?["QualityControlTask"] is { } inspection)
            {
                qualityControl = inspection.DeepClone();
                continue;
            }

            // A flat SmartSubtitlesTask: SmartSubtitlesTaskResult is the node's SmartSubtitlesResult[] (spec §12).
            if (result["ActivityResItem"]?["SmartSubtitlesTask"] is { } subtitleTask)
            {
                subtitles = subtitleTask["Output"]?.DeepClone() ?? new JsonArray();
                continue;
            }

            var entry = new JsonObject { ["Type"] = result["ActivityType"]?.DeepClone() };
            foreach (var (member, item) in result["ActivityResItem"]?.AsObject() ?? [])
            {
                entry[member] = item?.DeepClone();
            }

            entry["MfActivityIndex"] = result["MfActivityIndex"]?.DeepClone();
            results.Add(entry);
        }

        return new JsonObject
        {
            ["TaskId"] = scheduleTask["TaskId"]?.DeepClone(),
            ["Status"] = scheduleTask["Status"]?.DeepClone(),
            ["ErrCode"] = scheduleTask["ErrCode"]?.DeepClone(),
            ["Message"] = scheduleTask["Message"]?.DeepClone(),
            ["InputInfo"] = scheduleTask["InputInfo"]?.DeepClone(),
            ["MetaData"] = scheduleTask["MetaData"]?.DeepClone(),
            ["MediaProcessResultSet"] = results,
            ["AiContentReviewResultSet"] = new JsonArray(),
            ["AiAnalysisResultSet"] = new JsonArray(),
            ["AiRecognitionResultSet"] = new JsonArray(),
            ["AiQualityControlTaskResult"] = qualityControl,
            ["SmartSubtitlesTaskResult"] = subtitles,
        };
    }
}
