using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Mediaflow.Persistence.ExternalS3;
using Mediaflow.Storage.External;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Engine.Triggers;

/// <summary>
/// Catches what the event intake missed: every <see cref="ExternalS3Options.ReconcileInterval"/> each enabled external
/// trigger lists its Dir and offers every object last modified since its persisted watermark (minus a margin) to the
/// intake, which creates only the tasks that do not exist yet. The watermark belongs to one enable: a re-enabled
/// schedule starts again from its new enable time.
/// </summary>
public sealed partial class ExternalS3Reconciler(
    IServiceScopeFactory scopes,
    ExternalS3Store external,
    ExternalS3Intake intake,
    ExternalS3Options options,
    TimeProvider time,
    ILogger<ExternalS3Reconciler> logger) : BackgroundService
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>One pass over the enabled external triggers (of one region, or all); returns how many tasks it created.</summary>
    public async Task<int> ReconcileAsync(string? region, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            List<ScheduleRow> schedules;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
                schedules = await db.Schedules.AsNoTracking()
                    .Where(s => s.Status == ScheduleStatus.Enabled && (region == null || s.TriggerRegion == region))
                    .ToListAsync(cancellationToken);
            }

            var created = 0;
            foreach (var schedule in schedules)
            {
                var definition = EngineJson.Deserialize<OrchestrationDefinition>(schedule.DefinitionJson);
                if (definition.Trigger?.AwsS3FileUploadTrigger is { } trigger)
                {
                    created += await ReconcileScheduleAsync(schedule, trigger, cancellationToken);
                }
            }

            return created;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public override void Dispose()
    {
        oneAtATime.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(null, stoppingToken);
                await Task.Delay(options.ReconcileInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or IOException)
            {
                LogPassFailed(exception);
                await Task.Delay(options.ReconcileInterval, time, stoppingToken);
            }
        }
    }

    private async Task<int> ReconcileScheduleAsync(ScheduleRow schedule, AwsS3FileUploadTrigger trigger, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
        var mark = await db.ExternalWatermarks.SingleOrDefaultAsync(w => w.ScheduleId == schedule.Id, cancellationToken);
        var enabledAt = schedule.UpdateTime; // the enable time while Enabled (see ExternalS3Intake)
        if (mark is null)
        {
            mark = new ExternalWatermarkRow { ScheduleId = schedule.Id, EnabledAt = enabledAt, Watermark = enabledAt };
            db.ExternalWatermarks.Add(mark);
        }
        else if (mark.EnabledAt != enabledAt)
        {
            (mark.EnabledAt, mark.Watermark) = (enabledAt, enabledAt);
        }

        var since = ExternalTriggerMatch.EnableSecond(mark.Watermark - options.ReconcileMargin);
        var newest = mark.Watermark;
        var created = 0;
        var bucket = new ExternalBucket(schedule.TriggerRegion, schedule.TriggerBucket, trigger.S3SecretId ?? "", trigger.S3SecretKey ?? "");
        try
        {
            await foreach (var found in external.ListAsync(bucket, (trigger.Dir ?? "/").TrimStart('/'), cancellationToken))
            {
                if (found.LastModified < since)
                {
                    continue;
                }

                created += await intake.OfferToScheduleAsync(schedule, found, cancellationToken) ? 1 : 0;
                newest = found.LastModified > newest ? found.LastModified : newest;
            }
        }
        catch (ExternalS3Exception exception)
        {
            LogListFailed(schedule.Id, bucket.ToString(), exception.Message);
            return created; // the watermark stays: the next pass looks again
        }

        mark.Watermark = newest;
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    [LoggerMessage(LogLevel.Warning, "Reconciling schedule {ScheduleId}: listing {Bucket} failed: {Reason}")]
    private partial void LogListFailed(long scheduleId, string bucket, string reason);

    [LoggerMessage(LogLevel.Error, "External S3 reconciliation pass failed; retrying at the next interval")]
    private partial void LogPassFailed(Exception exception);
}
