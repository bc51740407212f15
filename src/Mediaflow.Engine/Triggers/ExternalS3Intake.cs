using System.Text.Json.Nodes;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Mediaflow.Persistence.ExternalS3;
using Mediaflow.Storage;
using Mediaflow.Storage.External;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace Mediaflow.Engine.Triggers;

/// <summary>
/// Starts tasks for objects seen in external buckets, whether an S3 event reported them or the list reconciliation
/// found them. An external object version is identified by (region, bucket, key, ETag): the idempotency key
/// <c>s3:&lt;schedule&gt;:&lt;version&gt;:&lt;region&gt;:&lt;bucket&gt;:&lt;key&gt;:&lt;etag&gt;</c> is unique in the tasks table, so
/// a duplicate event, or an event and the reconciliation, give one task per matching orchestration (overlapping
/// triggers each get theirs). Each task commits with its StartTask message and its external row in one transaction.
/// </summary>
public sealed partial class ExternalS3Intake(IServiceScopeFactory scopes, ExternalS3Store external, TimeProvider time, ILogger<ExternalS3Intake> logger)
{
    /// <summary>
    /// Offers a reported object (an S3 event) to every enabled external trigger on its bucket; returns how many tasks
    /// were created. The report is checked with a HEAD under each trigger's key pair: a version that is gone or
    /// already replaced starts nothing (its successor has its own event, and the reconciliation sees it), a forged
    /// event cannot name an object the trigger cannot read, and the enable-time rule uses the service's LastModified.
    /// When the HEAD fails the report is dropped; the reconciliation is the safety net.
    /// </summary>
    public async Task<int> OfferReportedAsync(string region, string bucket, string key, string etag, CancellationToken cancellationToken)
    {
        List<ScheduleRow> schedules;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
            schedules = await db.Schedules.AsNoTracking()
                .Where(s => s.TriggerRegion == region && s.TriggerBucket == bucket && s.Status == ScheduleStatus.Enabled)
                .ToListAsync(cancellationToken);
        }

        var created = 0;
        foreach (var schedule in schedules)
        {
            if (EngineJson.Deserialize<OrchestrationDefinition>(schedule.DefinitionJson).Trigger?.AwsS3FileUploadTrigger is not { } trigger
                || !ExternalTriggerMatch.Matches(trigger, region, bucket, key, DateTimeOffset.MaxValue, schedule.UpdateTime))
            {
                continue;
            }

            ExternalObject? current;
            try
            {
                current = await external.HeadAsync(new ExternalBucket(region, bucket, trigger.S3SecretId ?? "", trigger.S3SecretKey ?? ""), key, cancellationToken);
            }
            catch (ExternalS3Exception exception)
            {
                LogReportUnverified(schedule.Id, bucket, key, exception.Message);
                continue;
            }

            if (current is null || current.ETag != etag)
            {
                LogReportStale(bucket, key, etag, current?.ETag);
                continue;
            }

            created += await OfferToScheduleAsync(schedule, current, cancellationToken) ? 1 : 0;
        }

        return created;
    }

    /// <summary>Creates the task of this schedule for this object version unless it does not match or exists already.</summary>
    public async Task<bool> OfferToScheduleAsync(ScheduleRow schedule, ExternalObject found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(found);
        var definition = EngineJson.Deserialize<OrchestrationDefinition>(schedule.DefinitionJson);
        // While a schedule is Enabled its UpdateTime is the enable time: Enable sets it, and Modify is refused until Disable.
        if (definition.Trigger?.AwsS3FileUploadTrigger is not { } trigger
            || !ExternalTriggerMatch.Matches(trigger, schedule.TriggerRegion, schedule.TriggerBucket, found.Key, found.LastModified, schedule.UpdateTime))
        {
            return false;
        }

        var key = $"s3:{schedule.Id}:{schedule.Version}:{schedule.TriggerRegion}:{schedule.TriggerBucket}:{found.Key}:{found.ETag}";
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<MediaflowDbContext>>();
        var db = outbox.DbContext;
        if (await db.Tasks.AnyAsync(t => t.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        try
        {
            var templates = await TemplateResolver.ResolveAsync(db, schedule.AppId, definition.Activities ?? [], cancellationToken);
            var input = new StoredObjectInfo(schedule.AppId, schedule.TriggerBucket, schedule.TriggerRegion, found.Key, "", found.ETag, found.Size, "", found.LastModified);
            var (task, nodes) = TaskRowFactory.Create(TaskRequests.ForSchedule(schedule, definition, templates, input, 0, key), time.GetUtcNow());
            task.InputBlobId = ExternalSources.BlobIdOf(task.TaskId);
            task.InputInfoJson = new JsonObject
            {
                ["Type"] = "AWS-S3",
                ["S3InputInfo"] = new JsonObject { ["S3Bucket"] = schedule.TriggerBucket, ["S3Region"] = schedule.TriggerRegion, ["S3Object"] = found.Key },
            }.ToJsonString();
            var external = new ExternalTaskRow
            {
                TaskId = task.TaskId,
                SourceRegion = schedule.TriggerRegion,
                SourceBucket = schedule.TriggerBucket,
                SourceKey = found.Key,
                SourceETag = found.ETag,
                SourceSecretId = trigger.S3SecretId ?? "",
                SourceSecretKey = trigger.S3SecretKey ?? "",
            };
            if (definition.OutputStorage is { Type: TaskOutputStorage.AwsS3, S3OutputStorage: { } s3 })
            {
                (task.OutputBucket, task.OutputRegion) = (s3.S3Bucket!, s3.S3Region!);
                (external.OutputBucket, external.OutputRegion, external.OutputSecretId, external.OutputSecretKey) = (s3.S3Bucket, s3.S3Region, s3.S3SecretId, s3.S3SecretKey);
            }

            db.Tasks.Add(task);
            db.NodeRuns.AddRange(nodes);
            db.ExternalTasks.Add(external);
            await outbox.PublishAsync(new StartTask(task.TaskId));
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
            LogTaskCreated(task.TaskId, schedule.Id, schedule.TriggerBucket, found.Key, found.ETag);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false; // the event and the reconciliation (or two events) raced; the other one created the task
        }
        catch (ApiException exception)
        {
            LogScheduleBroken(schedule.Id, exception.Message);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Task {TaskId} started by schedule {ScheduleId} for external s3://{Bucket}/{Key} (ETag {ETag})")]
    private partial void LogTaskCreated(string taskId, long scheduleId, string bucket, string key, string etag);

    [LoggerMessage(LogLevel.Warning, "Event for s3://{Bucket}/{Key} not verified for schedule {ScheduleId} ({Reason}); the reconciliation will look again")]
    private partial void LogReportUnverified(long scheduleId, string bucket, string key, string reason);

    [LoggerMessage(LogLevel.Information, "Event for s3://{Bucket}/{Key} (ETag {ETag}) is stale: the current ETag is {Current}; nothing started for it")]
    private partial void LogReportStale(string bucket, string key, string etag, string? current);

    [LoggerMessage(LogLevel.Error, "Schedule {ScheduleId} cannot start a task: {Reason}")]
    private partial void LogScheduleBroken(long scheduleId, string reason);
}
