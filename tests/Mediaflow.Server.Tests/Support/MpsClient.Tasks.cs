using System.Text.Json;

namespace Mediaflow.Server.Tests.Support;

public sealed partial class MpsClient
{
    private static readonly TimeSpan TaskTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] Statuses = ["WAITING", "PROCESSING", "FINISH"];

    public async Task<long> CreateScheduleAsync(object schedule) => (await OkAsync("CreateSchedule", schedule)).GetProperty("ScheduleId").GetInt64();

    public async Task<string> ProcessMediaAsync(object request) => (await OkAsync("ProcessMedia", request)).GetProperty("TaskId").GetString()!;

    public async Task<JsonElement> DetailAsync(string taskId) => await OkAsync("DescribeTaskDetail", new { TaskId = taskId });

    /// <summary>Polls DescribeTaskDetail until the task is FINISH; returns the detail.</summary>
    public async Task<JsonElement> WaitForFinishAsync(string taskId)
    {
        JsonElement detail = default;
        await Poll.UntilAsync(async () =>
        {
            detail = await DetailAsync(taskId);
            return detail.GetProperty("Status").GetString() == "FINISH";
        }, TaskTimeout, () => $"task {taskId} not FINISH: {detail}\n{serverLog(60)}");
        return detail;
    }

    /// <summary>
    /// Polls DescribeTasks (every status) until a task whose input is <paramref name="objectKey"/> appears, then waits
    /// for it to FINISH. The task was started by an upload, so the test does not know its TaskId.
    /// </summary>
    public async Task<JsonElement> WaitForTaskOfObjectAsync(string bucket, string objectKey)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var taskId = await Poll.ForAsync(async () =>
        {
            foreach (var status in Statuses)
            {
                var page = await OkAsync("DescribeTasks", new { Status = status, Limit = 100 });
                foreach (var task in page.GetProperty("TaskSet").EnumerateArray())
                {
                    var id = task.GetProperty("TaskId").GetString()!;
                    if (!seen.Add(id))
                    {
                        continue;
                    }

                    var input = (await DetailAsync(id)).GetProperty("ScheduleTask").GetProperty("InputInfo").GetProperty("CosInputInfo");
                    if (input.GetProperty("Bucket").GetString() == bucket && input.GetProperty("Object").GetString() == "/" + objectKey)
                    {
                        return id;
                    }
                }
            }

            return null;
        }, TaskTimeout, () => $"no task for {bucket}/{objectKey}\n{serverLog(60)}");
        return await WaitForFinishAsync(taskId);
    }
}
