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
        var recognition = new JsonArray();
        var analysis = new JsonArray();
        JsonNode? smartErase = null;
        var reviews = new JsonArray();
        JsonNode? subtitles = null;
        foreach (var result in scheduleTask["ActivityResultSet"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            // A flat AiQualityControlTask (ProcessMedia) reports in its own member, not among the media results (spec §12).
            if (result["ActivityResItem"]?["QualityControlTask"] is { } inspection)
            {
                qualityControl = inspection.DeepClone();
                continue;
            }

            // Flat AI tasks (and a workflow's AI nodes) report in their spec result members, not among the media results.
            if (AiResult(result, recognition, analysis, reviews, ref smartErase, ref subtitles))
            {
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
            ["AiAnalysisResultSet"] = analysis,
            ["AiRecognitionResultSet"] = recognition,
            ["AiQualityControlTaskResult"] = qualityControl,
            ["SmartEraseTaskResult"] = smartErase,
            ["SmartSubtitlesTaskResult"] = subtitles,
        };
    }

    /// <summary>
    /// A recognition/analysis/review node's <c>Output</c> is already an array of <c>AiRecognitionResult</c> / <c>AiAnalysisResult</c> / <c>AiContentReviewResult</c>
    /// (one per switch): its entries join the result set. A smart erase node's item is the <c>SmartEraseTaskResult</c>; a smart subtitle node's <c>Output</c> is the <c>SmartSubtitlesTaskResult</c>.
    /// </summary>
    private static bool AiResult(JsonObject result, JsonArray recognition, JsonArray analysis, JsonArray reviews, ref JsonNode? smartErase, ref JsonNode? subtitles)
    {
        var item = result["ActivityResItem"];
        if (item?["SmartSubtitlesTask"] is JsonObject subtitleTask)
        {
            // SmartSubtitlesTaskResult is the node's SmartSubtitlesResult[] itself (spec §12).
            subtitles = subtitleTask["Output"]?.DeepClone() ?? new JsonArray();
            return true;
        }

        if (item?["ReviewTask"] is JsonObject reviewed)
        {
            Append(reviewed, reviews);
            return true;
        }

        if (item?["RecognitionTask"] is JsonObject recognized)
        {
            Append(recognized, recognition);
            return true;
        }

        if (item?["AnalysisTask"] is JsonObject analyzed)
        {
            Append(analyzed, analysis);
            return true;
        }

        if (item?["SmartEraseTask"] is JsonObject erased)
        {
            smartErase = erased.DeepClone();
            return true;
        }

        return false;
    }

    private static void Append(JsonObject task, JsonArray set)
    {
        foreach (var entry in task["Output"] as JsonArray ?? [])
        {
            set.Add(entry?.DeepClone());
        }
    }
}
