using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>DescribeTasks (reference/mps-api.md §12): Status is required; Limit + ScrollToken walk every task once.</summary>
public sealed class DescribeTasksPagingTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    private MpsClient Mps => server.Mps;

    [Fact]
    public async Task DescribeTasks_LimitOneWithScrollToken_WalksAllFinishedTasksOnce()
    {
        var bucket = await Buckets.CreateAsync(server, "paging");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, "paging.mp4"), seconds: 1);
        await Buckets.PutFileAsync(server, bucket, "in/clip.mp4", clip);
        var started = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            started.Add(await Mps.ProcessMediaAsync(new { InputInfo = Orchestrations.CosInput(bucket, "in/clip.mp4"), OutputDir = $"/out{i}/", Activities = Orchestrations.Transcodes(1010) }));
        }

        foreach (var taskId in started)
        {
            await Mps.WaitForFinishAsync(taskId);
        }

        var all = await Mps.OkAsync("DescribeTasks", new { Status = "FINISH", Limit = 100 });
        var expected = all.GetProperty("TaskSet").EnumerateArray().Select(t => t.GetProperty("TaskId").GetString()!).ToList();
        Assert.Superset(started.ToHashSet(), expected.ToHashSet());

        var walked = new List<string>();
        string? token = null;
        do
        {
            var page = await Mps.OkAsync("DescribeTasks", new { Status = "FINISH", Limit = 1, ScrollToken = token });
            var set = page.GetProperty("TaskSet").EnumerateArray().ToList();
            Assert.True(set.Count <= 1, $"Limit 1 returned {set.Count} tasks");
            Assert.Equal(expected.Count, page.GetProperty("TotalCount").GetInt64());
            walked.AddRange(set.Select(t => t.GetProperty("TaskId").GetString()!));
            token = page.GetProperty("ScrollToken").GetString();
            Assert.True(walked.Count <= expected.Count, $"the walk did not end: {string.Join(", ", walked)}");
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(expected, walked);
        Assert.Equal(walked.Count, walked.Distinct().Count());
    }

    [Fact]
    public async Task DescribeTasks_WithoutStatus_MissingParameter()
    {
        (await Mps.CallAsync("DescribeTasks", new { Limit = 10 })).AssertError("MissingParameter");
        (await Mps.CallAsync("DescribeTasks", new { Status = "DONE" })).AssertError("InvalidParameterValue");
        await Mps.AssertStillServingAsync();
    }
}
