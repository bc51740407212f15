using System.Text.Json.Nodes;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>Reads the DescribeTaskDetail shape (ScheduleTask, ActivityResultSet with MfActivityIndex).</summary>
public static class TaskView
{
    public static string Status(JsonObject detail) => Str(detail, "Status");

    public static JsonObject ScheduleTask(JsonObject detail) => detail["ScheduleTask"]!.AsObject();

    public static int ErrCode(JsonObject detail) => ScheduleTask(detail)["ErrCode"]!.GetValue<int>();

    public static string Message(JsonObject detail) => Str(ScheduleTask(detail), "Message");

    public static string InputKey(JsonObject detail) =>
        ScheduleTask(detail)["InputInfo"]!["CosInputInfo"]!["Object"]!.GetValue<string>().TrimStart('/');

    /// <summary>The result item of the node at Activities[index] (e.g. its TranscodeTask member).</summary>
    public static NodeResult Node(JsonObject detail, int index)
    {
        var entry = ScheduleTask(detail)["ActivityResultSet"]!.AsArray().OfType<JsonObject>()
            .SingleOrDefault(r => r["MfActivityIndex"]!.GetValue<int>() == index)
            ?? throw new InvalidOperationException($"no result for Activities[{index}] in {detail.ToJsonString()}");
        var item = entry["ActivityResItem"]!.AsObject().Single().Value!.AsObject();
        return new NodeResult(
            Str(item, "Status"),
            Str(item, "ErrCodeExt"),
            Str(item, "Message"),
            item["Progress"]?.GetValue<int>() ?? 0,
            item["Output"] as JsonObject,
            entry["MfAttempts"]?.AsArray().OfType<JsonObject>().ToList() ?? []);
    }

    public static IReadOnlyList<int> NodeIndexes(JsonObject detail) =>
        ScheduleTask(detail)["ActivityResultSet"]!.AsArray().OfType<JsonObject>().Select(r => r["MfActivityIndex"]!.GetValue<int>()).ToList();

    private static string Str(JsonObject o, string name) => o[name]?.GetValue<string>() ?? "";
}

/// <summary>One node's result as DescribeTaskDetail shows it.</summary>
public sealed record NodeResult(string Status, string ErrCodeExt, string Message, int Progress, JsonObject? Output, IReadOnlyList<JsonObject> Attempts)
{
    /// <summary>The main output's object key (Output.Path without the leading '/').</summary>
    public string OutputKey => (Output?["Path"]?.GetValue<string>() ?? throw new InvalidOperationException("node has no output path")).TrimStart('/');
}
