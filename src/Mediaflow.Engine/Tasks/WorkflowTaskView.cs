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
        var reviews = new JsonArray();
        foreach (var result in scheduleTask["ActivityResultSet"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            // A flat AiQualityControlTask (ProcessMedia) reports in its own member, not among the media results (spec §12).
            if (result["ActivityResItem"]?["QualityControlTask"] is { } inspection)
            {
                qualityControl = inspection.DeepClone();
                continue;
            }

            // A content review reports its AiContentReviewResult entries in AiContentReviewResultSet (spec §12).
            if (result["ActivityResItem"]?["ReviewTask"] is { } review)
            {
                foreach (var item in review["Output"]?.AsArray() ?? [])
                {
                    reviews.Add(item?.DeepClone());
                }

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
            ["AiContentReviewResultSet"] = reviews,
            ["AiAnalysisResultSet"] = new JsonArray(),
            ["AiRecognitionResultSet"] = new JsonArray(),
            ["AiQualityControlTaskResult"] = qualityControl,
        };
    }
}
