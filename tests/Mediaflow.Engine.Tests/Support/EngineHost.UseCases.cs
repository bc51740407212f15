using System.Text.Json.Nodes;
using Mediaflow.Application.Schedules;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Storage;
using Mediaflow.Storage.Buckets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>The use cases tests drive, each through the application service the API and console call.</summary>
public sealed partial class EngineHost
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(90);

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task WithAsync<TService>(Func<TService, Task> use)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<BucketInfo> CreateBucketAsync(long appId, string bucket) =>
        Services.GetRequiredService<IBucketCatalog>().CreateBucketAsync(appId, bucket, region: null, CancellationToken.None);

    /// <summary>Commits an object as an upload does (row + "object created" event in one transaction).</summary>
    public Task<StoredObjectInfo> UploadAsync(long appId, string bucket, string key, string localFile) =>
        Services.GetRequiredService<IObjectStore>().PutFileAsync(
            new PutFileRequest(appId, bucket, key, localFile, ContentTypeMap.ForName(key), Lineage: null), CancellationToken.None);

    public Task<StoredObjectInfo?> HeadAsync(long appId, string bucket, string key) =>
        Services.GetRequiredService<IObjectStore>().HeadAsync(appId, bucket, key, CancellationToken.None);

    /// <summary>The local file holding an object's current bytes (for ffprobe).</summary>
    public async Task<string> ObjectFileAsync(long appId, string bucket, string key)
    {
        var head = await HeadAsync(appId, bucket, key) ?? throw new InvalidOperationException($"object {bucket}/{key} does not exist");
        return await Services.GetRequiredService<IObjectStore>().GetBlobPathAsync(head.BlobId, CancellationToken.None)
            ?? throw new InvalidOperationException($"object {bucket}/{key} has no blob");
    }

    /// <summary>Keys in a bucket and how many "object created" events each has had (a commit is one event).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ObjectCommitsAsync(string bucket)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
        var events = await db.ObjectEvents.AsNoTracking().Where(e => e.Bucket == bucket).Select(e => e.Key).ToListAsync();
        var current = await db.Objects.AsNoTracking().Where(o => o.Bucket == bucket).Select(o => o.Key).ToListAsync();
        return current.ToDictionary(k => k, k => events.Count(e => e == k), StringComparer.Ordinal);
    }

    public Task<string> ProcessMediaAsync(long appId, ProcessMediaRequest request) =>
        WithAsync<TaskService, string>(s => s.ProcessMediaAsync(appId, request, CancellationToken.None));

    public Task AbortAsync(long appId, string taskId) =>
        WithAsync<TaskService>(s => s.ManageAsync(appId, "Abort", taskId, CancellationToken.None));

    public Task<long> CreateScheduleAsync(long appId, OrchestrationDefinition definition) =>
        WithAsync<ScheduleService, long>(s => s.CreateAsync(appId, definition, CancellationToken.None));

    public Task EnableScheduleAsync(long appId, long scheduleId) =>
        WithAsync<ScheduleService>(s => s.EnableAsync(appId, scheduleId, CancellationToken.None));

    public Task DisableScheduleAsync(long appId, long scheduleId) =>
        WithAsync<ScheduleService>(s => s.DisableAsync(appId, scheduleId, CancellationToken.None));

    /// <summary>DescribeTaskDetail.</summary>
    public Task<JsonObject> DetailAsync(long appId, string taskId) =>
        WithAsync<TaskQueryService, JsonObject>(s => s.DetailAsync(appId, taskId, CancellationToken.None));

    /// <summary>Every task of the account (DescribeTasks over the three statuses).</summary>
    public async Task<IReadOnlyList<string>> TaskIdsAsync(long appId)
    {
        var ids = new List<string>();
        foreach (var status in new[] { TaskFlowStatus.Waiting, TaskFlowStatus.Processing, TaskFlowStatus.Finish })
        {
            var (_, items, _) = await WithAsync<TaskQueryService, (long, List<JsonObject>, string)>(
                s => s.DescribeAsync(appId, new DescribeTasksQuery(status, null, 100, null, null, null), CancellationToken.None));
            ids.AddRange(items.Select(i => i["TaskId"]!.GetValue<string>()));
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The input object key of every task of the account.</summary>
    public async Task<IReadOnlyList<string>> TaskInputKeysAsync(long appId)
    {
        var keys = new List<string>();
        foreach (var id in await TaskIdsAsync(appId))
        {
            keys.Add(TaskView.InputKey(await DetailAsync(appId, id)));
        }

        return keys;
    }

    /// <summary>Waits until the task's DescribeTaskDetail satisfies <paramref name="condition"/>; fails with the last detail and the log tail.</summary>
    public async Task<JsonObject> WaitForTaskAsync(long appId, string taskId, Func<JsonObject, bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        JsonObject? last = null;
        await Eventually.WaitAsync(async () =>
        {
            last = await DetailAsync(appId, taskId);
            return condition(last);
        }, timeout ?? DefaultWait, () => $"task {taskId}: {what}\nlast detail: {last?.ToJsonString()}\nhost log:\n{Log.Tail()}");
        return last!;
    }

    public Task<JsonObject> WaitFinishedAsync(long appId, string taskId, TimeSpan? timeout = null) =>
        WaitForTaskAsync(appId, taskId, d => TaskView.Status(d) == TaskFlowStatus.Finish, "FINISH", timeout);

    /// <summary>Waits until the account has a task whose input is <paramref name="key"/> and returns its id.</summary>
    public async Task<string> WaitForTaskOnAsync(long appId, string key, TimeSpan? timeout = null)
    {
        string? found = null;
        await Eventually.WaitAsync(async () =>
        {
            foreach (var id in await TaskIdsAsync(appId))
            {
                if (TaskView.InputKey(await DetailAsync(appId, id)) == key)
                {
                    found = id;
                    return true;
                }
            }

            return false;
        }, timeout ?? DefaultWait, () => $"no task started for {key}\nhost log:\n{Log.Tail()}");
        return found!;
    }
}
