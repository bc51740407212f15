using System.Text.Json;

namespace Mediaflow.Server.Tests.Support;

/// <summary>Reading DescribeTaskDetail: the ScheduleTask and its per-node transcode results.</summary>
public static class TaskResults
{
    public static JsonElement ScheduleTask(JsonElement detail) => detail.GetProperty("ScheduleTask");

    /// <summary>The TranscodeTask result of each action node, in Activities order.</summary>
    public static IReadOnlyList<JsonElement> Transcodes(JsonElement detail) =>
        ScheduleTask(detail).GetProperty("ActivityResultSet").EnumerateArray()
            .Select(r => r.GetProperty("ActivityResItem").GetProperty("TranscodeTask")).ToList();

    /// <summary>The single transcode result, asserted SUCCESS (its JSON is the failure message otherwise).</summary>
    public static JsonElement SuccessfulTranscode(JsonElement detail)
    {
        var result = Assert.Single(Transcodes(detail));
        Assert.True(result.GetProperty("Status").GetString() == "SUCCESS", $"transcode did not succeed: {result}");
        return result;
    }
}
