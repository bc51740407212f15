using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Mediaflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Mediaflow.Engine.Triggers;

/// <summary>
/// Reads committed "object created" events in order and starts one task per matching enabled orchestration.
/// Exactly-once task creation: the tasks, their StartTask messages and the advanced checkpoint commit in one
/// transaction, and every task carries the idempotency key (schedule id + version, bucket, key, etag, event sequence),
/// so a replayed event never creates a second task.
/// </summary>
public sealed partial class TriggerRelay(
    IServiceScopeFactory scopes,
    IObjectEventLog events,
    EngineOptions options,
    TimeProvider time,
    ILogger<TriggerRelay> logger) : BackgroundService
{
    public const string CheckpointName = "object-events";
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var position = await ProcessBatchAsync(stoppingToken);
                if (position is { } waitFrom)
                {
                    using var fallback = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    fallback.CancelAfter(TimeSpan.FromSeconds(5)); // events committed by another process
                    try
                    {
                        await events.WaitForEventAfterAsync(waitFrom, fallback.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or IOException)
            {
                LogBatchFailed(exception);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    /// <returns>The checkpoint to wait after when the log is drained, or null when more events may be waiting.</returns>
    public async Task<long?> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<MediaflowDbContext>>();
        var db = outbox.DbContext;
        var checkpoint = await db.Checkpoints.SingleOrDefaultAsync(c => c.Name == CheckpointName, cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = new CheckpointRow { Name = CheckpointName, Position = 0 };
            db.Checkpoints.Add(checkpoint);
        }

        var batch = await events.ReadAfterAsync(checkpoint.Position, BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return checkpoint.Position;
        }

        foreach (var created in batch)
        {
            await StartMatchingTasksAsync(db, outbox, created, cancellationToken);
            checkpoint.Position = created.Sequence;
        }

        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        return batch.Count < BatchSize ? checkpoint.Position : null;
    }

    private async Task StartMatchingTasksAsync(MediaflowDbContext db, IMessageBus bus, ObjectCreatedEvent created, CancellationToken cancellationToken)
    {
        var candidates = await db.Schedules.AsNoTracking()
            .Where(s => s.AppId == created.AppId && s.TriggerBucket == created.Bucket && s.Status == ScheduleStatus.Enabled
                && s.EnabledAfterSequence < created.Sequence)
            .ToListAsync(cancellationToken);
        foreach (var schedule in candidates)
        {
            var definition = EngineJson.Deserialize<OrchestrationDefinition>(schedule.DefinitionJson);
            if (definition.Trigger?.CosFileUploadTrigger is not { } trigger
                || !TriggerMatcher.Matches(trigger, created.Bucket, created.Region, created.Key))
            {
                continue;
            }

            if (created.Lineage?.ScheduleId == schedule.Id)
            {
                continue; // an orchestration never re-triggers on its own outputs
            }

            var depth = created.Lineage?.Depth ?? 0;
            if (depth > options.MaxLineageDepth)
            {
                LogTooDeep(created.Bucket, created.Key, depth, schedule.Id);
                continue;
            }

            var key = $"{schedule.Id}:{schedule.Version}:{created.Bucket}:{created.Key}:{created.ETag}:{created.Sequence}";
            if (await db.Tasks.AnyAsync(t => t.IdempotencyKey == key, cancellationToken))
            {
                continue;
            }

            try
            {
                var templates = await TemplateResolver.ResolveAsync(db, schedule.AppId, definition.Activities ?? [], cancellationToken);
                var input = new StoredObjectInfo(created.AppId, created.Bucket, created.Region, created.Key, created.BlobId, created.ETag,
                    created.Size, "", created.CommittedAt);
                var (task, nodes) = TaskRowFactory.Create(TaskRequests.ForSchedule(schedule, definition, templates, input, depth, key), time.GetUtcNow());
                db.Tasks.Add(task);
                db.NodeRuns.AddRange(nodes);
                await bus.PublishAsync(new StartTask(task.TaskId));
                LogTaskCreated(task.TaskId, schedule.Id, created.Bucket, created.Key);
            }
            catch (ApiException exception)
            {
                // A template deleted after the schedule was saved: nothing can run; say so instead of losing the upload silently.
                LogScheduleBroken(schedule.Id, exception.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Task {TaskId} started by schedule {ScheduleId} for {Bucket}/{Key}")]
    private partial void LogTaskCreated(string taskId, long scheduleId, string bucket, string key);

    [LoggerMessage(LogLevel.Warning, "Not starting schedule {ScheduleId} for {Bucket}/{Key}: lineage depth {Depth} is over the limit")]
    private partial void LogTooDeep(string bucket, string key, int depth, long scheduleId);

    [LoggerMessage(LogLevel.Error, "Schedule {ScheduleId} cannot start a task: {Reason}")]
    private partial void LogScheduleBroken(long scheduleId, string reason);

    [LoggerMessage(LogLevel.Error, "Trigger batch failed; retrying")]
    private partial void LogBatchFailed(Exception exception);
}
