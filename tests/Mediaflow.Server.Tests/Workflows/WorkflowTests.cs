using System.Text.Json;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Workflows;

/// <summary>Legacy workflows (reference/mps-api.md §5.1) against a real server: lifecycle, an upload-triggered WorkflowTask, refusals, MfDescribeNodeTypes.</summary>
public sealed class WorkflowTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private static readonly string[] OneSecond = ["1s"];
    private static readonly string[] Statuses = ["WAITING", "PROCESSING", "FINISH"];
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync() => bucket = await Buckets.CreateAsync(server, "workflows");

    public Task DisposeAsync() => Task.CompletedTask;

    private object Workflow(string name, string dir, object mediaProcessTask) => new
    {
        WorkflowName = name,
        Trigger = new { Type = "CosFileUpload", CosFileUploadTrigger = new { Bucket = bucket, Region = Orchestrations.Region, Dir = dir, Formats = new[] { "mp4" } } },
        OutputStorage = Orchestrations.Output(bucket),
        OutputDir = "/out" + dir,
        MediaProcessTask = mediaProcessTask,
        TaskPriority = 3,
    };

    private async Task<JsonElement> DescribeAsync(long id) =>
        (await Mps.OkAsync("DescribeWorkflows", new { WorkflowIds = new[] { id } })).GetProperty("WorkflowInfoSet");

    [Fact]
    public async Task Lifecycle_CreateDescribeEnableResetDelete_InWorkflowShapeAndNotAsSchedule()
    {
        var id = (await Mps.OkAsync("CreateWorkflow", Workflow("wf-life-" + bucket, "/life/", new { TranscodeTaskSet = new[] { new { Definition = 1010 } } })))
            .GetProperty("WorkflowId").GetInt64();

        var info = (await DescribeAsync(id)).EnumerateArray().Single();
        Assert.Equal(("wf-life-" + bucket, "Disabled", 3, "/out/life/"), (info.GetProperty("WorkflowName").GetString(), info.GetProperty("Status").GetString(),
            info.GetProperty("TaskPriority").GetInt32(), info.GetProperty("OutputDir").GetString()));
        Assert.Equal(1010, info.GetProperty("MediaProcessTask").GetProperty("TranscodeTaskSet")[0].GetProperty("Definition").GetInt64());
        Assert.Equal("/life/", info.GetProperty("Trigger").GetProperty("CosFileUploadTrigger").GetProperty("Dir").GetString());
        var schedules = (await Mps.OkAsync("DescribeSchedules", new { Limit = 100 })).GetProperty("ScheduleInfoSet");
        Assert.DoesNotContain(schedules.EnumerateArray(), s => s.GetProperty("ScheduleId").GetInt64() == id);
        (await Mps.CallAsync("EnableSchedule", new { ScheduleId = id })).AssertError("ResourceNotFound.TemplateNotExist");

        await Mps.OkAsync("EnableWorkflow", new { WorkflowId = id });
        Assert.Equal("Enabled", (await DescribeAsync(id))[0].GetProperty("Status").GetString());
        (await Mps.CallAsync("DeleteWorkflow", new { WorkflowId = id })).AssertError("ResourceInUse");
        var reset = new Dictionary<string, object>
        {
            ["WorkflowId"] = id,
            ["WorkflowName"] = "wf-reset-" + bucket,
            ["Trigger"] = new { Type = "CosFileUpload", CosFileUploadTrigger = new { Bucket = bucket, Region = Orchestrations.Region, Dir = "/reset/" } },
            ["MediaProcessTask"] = new { SnapshotByTimeOffsetTaskSet = new[] { new { Definition = 10, ExtTimeOffsetSet = OneSecond } } },
        };
        (await Mps.CallAsync("ResetWorkflow", reset)).AssertError("ResourceInUse");

        await Mps.OkAsync("DisableWorkflow", new { WorkflowId = id });
        await Mps.OkAsync("ResetWorkflow", reset);
        info = (await DescribeAsync(id))[0];
        Assert.Equal("wf-reset-" + bucket, info.GetProperty("WorkflowName").GetString());
        Assert.False(info.GetProperty("MediaProcessTask").TryGetProperty("TranscodeTaskSet", out _)); // full replacement
        Assert.Equal(0, info.GetProperty("TaskPriority").GetInt32());

        await Mps.OkAsync("DeleteWorkflow", new { WorkflowId = id });
        Assert.Equal(0, (await DescribeAsync(id)).GetArrayLength());
        (await Mps.CallAsync("EnableWorkflow", new { WorkflowId = id })).AssertError("InvalidParameterValue.WorkflowId");
    }

    [Fact]
    public async Task Upload_EnabledWorkflow_RunsEveryTaskSetEntryAsWorkflowTask()
    {
        var id = (await Mps.OkAsync("CreateWorkflow", Workflow("wf-run-" + bucket, "/run/", new
        {
            TranscodeTaskSet = new[] { new { Definition = 1010 } },
            SnapshotByTimeOffsetTaskSet = new[] { new { Definition = 10, ExtTimeOffsetSet = OneSecond } },
        }))).GetProperty("WorkflowId").GetInt64();
        await Mps.OkAsync("EnableWorkflow", new { WorkflowId = id });
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 2);

        await Buckets.PutFileAsync(server, bucket, "run/clip.mp4", clip);

        var taskId = await Poll.ForAsync(async () =>
        {
            foreach (var status in Statuses)
            {
                var page = await Mps.OkAsync("DescribeTasks", new { Status = status, Limit = 100 });
                var task = page.GetProperty("TaskSet").EnumerateArray().FirstOrDefault(t => t.GetProperty("TaskType").GetString() == "WorkflowTask");
                if (task.ValueKind == JsonValueKind.Object)
                {
                    return task.GetProperty("TaskId").GetString();
                }
            }

            return null;
        }, TimeSpan.FromMinutes(3), () => "no WorkflowTask in DescribeTasks");
        Assert.StartsWith($"{server.Account.AppId}-WorkflowTask-", taskId, StringComparison.Ordinal);
        var detail = await Mps.WaitForFinishAsync(taskId);

        Assert.Equal("WorkflowTask", detail.GetProperty("TaskType").GetString());
        Assert.Equal(3, detail.GetProperty("TasksPriority").GetInt32()); // the workflow's TaskPriority
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("ScheduleTask").ValueKind);
        var workflowTask = detail.GetProperty("WorkflowTask");
        Assert.Equal("/run/clip.mp4", workflowTask.GetProperty("InputInfo").GetProperty("CosInputInfo").GetProperty("Object").GetString());
        var results = workflowTask.GetProperty("MediaProcessResultSet").EnumerateArray().ToList();
        Assert.Equal(["Transcode", "SnapshotByTimeOffset"], results.Select(r => r.GetProperty("Type").GetString()));
        var transcode = results[0].GetProperty("TranscodeTask");
        Assert.True(transcode.GetProperty("Status").GetString() == "SUCCESS", transcode.ToString());
        Assert.Equal("/out/run/clip_transcode_1010.mp3", transcode.GetProperty("Output").GetProperty("Path").GetString());
        var snapshot = results[1].GetProperty("SnapshotByTimeOffsetTask");
        Assert.True(snapshot.GetProperty("Status").GetString() == "SUCCESS", snapshot.ToString());
        var picture = snapshot.GetProperty("Output").GetProperty("PicInfoSet")[0].GetProperty("Path").GetString()!;
        using var s3 = server.S3For(server.Account);
        using var mp3 = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "out/run/clip_transcode_1010.mp3" });
        using var jpg = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = picture.TrimStart('/') });
        Assert.True(mp3.ContentLength > 0 && jpg.ContentLength > 0);
        await Mps.OkAsync("DisableWorkflow", new { WorkflowId = id });
    }

    public static TheoryData<string, string> Refused => new()
    {
        { """{"TranscodeTaskSet":[{"Definition":424242}]}""", "InvalidParameterValue.Definition" },
        { """{"TranscodeTaskSet":"x"}""", "InvalidParameterValue.TranscodeTaskSet" },
        { """{"SnapshotByTimeOffsetTaskSet":[{"Definition":10,"ExtTimeOffsetSet":["1s"],"WatermarkSet":[{"Definition":1,"TextContent":"x"}]}]}""", "InvalidParameterValue.TextContent" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task CreateWorkflow_RefusedTaskSet_InvalidParameterValueNamingTheMember(string mediaProcessTask, string code)
    {
        var body = $$$"""
            {"WorkflowName":"wf-refused","Trigger":{"Type":"CosFileUpload","CosFileUploadTrigger":{"Bucket":"{{{bucket}}}","Region":"{{{Orchestrations.Region}}}"}},
             "MediaProcessTask":{{{mediaProcessTask}}}}
            """;
        (await Mps.SendAsync("CreateWorkflow", body)).AssertError(code);
    }

    [Fact]
    public async Task CreateWorkflow_AiTask_Refused()
    {
        var body = $$$"""
            {"WorkflowName":"wf-ai","Trigger":{"Type":"CosFileUpload","CosFileUploadTrigger":{"Bucket":"{{{bucket}}}","Region":"{{{Orchestrations.Region}}}"}},
             "MediaProcessTask":{"TranscodeTaskSet":[{"Definition":1010}]},"AiContentReviewTask":{"Definition":10}}
            """;
        (await Mps.SendAsync("CreateWorkflow", body)).AssertError("InvalidParameterValue.AiContentReviewTask");
    }

    [Fact]
    public async Task MfDescribeNodeTypes_EveryActionTypeWithItsMemberFamilyAndState()
    {
        var types = (await Mps.OkAsync("MfDescribeNodeTypes")).GetProperty("NodeTypeSet").EnumerateArray()
            .ToDictionary(t => t.GetProperty("ActivityType").GetString()!);

        Assert.Equal(13, types.Count);
        var trans = types["action-trans"];
        Assert.Equal(("TranscodeTask", "Transcode", true, true, "TranscodeTaskSet", "Transcode"),
            (trans.GetProperty("ActivityParaMember").GetString(), trans.GetProperty("TemplateFamily").GetString(), trans.GetProperty("ProducesMedia").GetBoolean(),
             trans.GetProperty("Implemented").GetBoolean(), trans.GetProperty("WorkflowTaskSet").GetString(), trans.GetProperty("ResultType").GetString()));
        Assert.Equal("ImageSprites", types["action-image-sprite"].GetProperty("ResultType").GetString());
        Assert.Equal("ReviewTask", types["action-aiReview"].GetProperty("ResultMember").GetString());
        Assert.True(types["action-aiReview"].GetProperty("Implemented").GetBoolean());
        Assert.True(types["action-animated-graphics"].GetProperty("Implemented").GetBoolean());
    }
}
