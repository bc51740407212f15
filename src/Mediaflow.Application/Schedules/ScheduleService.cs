using System.Text.Json.Nodes;
using Mediaflow.Application.ExternalS3;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Engine.Triggers;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Schedules;

/// <summary>The orchestration use cases behind Create/Modify/Delete/Enable/Disable/DescribeSchedules (and the console).</summary>
public sealed class ScheduleService(
    MediaflowDbContext db,
    OrchestrationValidation validation,
    TimeProvider time)
{
    public async Task<long> CreateAsync(long appId, OrchestrationDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await validation.ValidateAsync(appId, definition, cancellationToken);
        await EnsureNameFreeAsync(appId, definition.ScheduleName!, exceptId: null, cancellationToken);
        var now = time.GetUtcNow();
        var row = new ScheduleRow
        {
            AppId = appId,
            Name = definition.ScheduleName!,
            Status = ScheduleStatus.Disabled,
            DefinitionJson = EngineJson.Serialize(definition with { Activities = WithoutPredrive(definition.Activities!) }),
            TriggerBucket = definition.Trigger!.WatchedBucket()!,
            TriggerRegion = definition.Trigger.WatchedRegion()!,
            CreateTime = now,
            UpdateTime = now,
        };
        db.Schedules.Add(row);
        await SaveAsync(cancellationToken);
        return row.Id;
    }

    public async Task ModifyAsync(long appId, long scheduleId, ScheduleChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var row = await FindAsync(appId, scheduleId, cancellationToken);
        EnsureDisabled(row, "modified");
        var current = EngineJson.Deserialize<OrchestrationDefinition>(row.DefinitionJson);
        var merged = ExternalSecrets.CarryOver(current, changes.ApplyTo(current));
        await validation.ValidateAsync(appId, merged, cancellationToken);
        await EnsureNameFreeAsync(appId, merged.ScheduleName!, exceptId: row.Id, cancellationToken);
        row.Name = merged.ScheduleName!;
        row.DefinitionJson = EngineJson.Serialize(merged with { Activities = WithoutPredrive(merged.Activities!) });
        row.TriggerBucket = merged.Trigger!.WatchedBucket()!;
        row.TriggerRegion = merged.Trigger.WatchedRegion()!;
        row.Version++;
        row.UpdateTime = time.GetUtcNow();
        await SaveAsync(cancellationToken);
    }

    public async Task DeleteAsync(long appId, long scheduleId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, scheduleId, cancellationToken);
        EnsureDisabled(row, "deleted");
        db.Schedules.Remove(row);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Only uploads committed after this call start tasks: the schedule remembers the newest event sequence now.</summary>
    public async Task EnableAsync(long appId, long scheduleId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, scheduleId, cancellationToken);
        if (row.Status == ScheduleStatus.Enabled)
        {
            return;
        }

        var definition = EngineJson.Deserialize<OrchestrationDefinition>(row.DefinitionJson);
        await validation.ValidateAsync(appId, definition, cancellationToken); // a bucket or template may have gone since saving
        await ScheduleActivation.EnableAsync(db, row, time.GetUtcNow(), cancellationToken);
        await SaveAsync(cancellationToken);
    }

    public async Task DisableAsync(long appId, long scheduleId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, scheduleId, cancellationToken);
        ScheduleActivation.Disable(row, time.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    public async Task<(long Total, List<JsonObject> Items)> DescribeAsync(long appId, DescribeSchedulesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 0 or > 100 || query.Offset < 0)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, "Limit must be 0-100 and Offset non-negative");
        }

        if (query.ScheduleIds is { Count: > 100 })
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, "ScheduleIds takes at most 100 ids");
        }

        var rows = db.Schedules.AsNoTracking().Where(s => s.AppId == appId && s.Kind == ScheduleKinds.Schedule);
        if (query.ScheduleIds is { Count: > 0 } ids)
        {
            rows = rows.Where(s => ids.Contains(s.Id));
        }

        if (!string.IsNullOrEmpty(query.Status))
        {
            rows = rows.Where(s => s.Status == query.Status);
        }

        if (!string.IsNullOrEmpty(query.TriggerType))
        {
            // The trigger type lives in the definition JSON, which EngineJson writes without whitespace.
            var external = query.TriggerType == WorkflowTrigger.AwsS3FileUpload;
            rows = query.TriggerType is WorkflowTrigger.CosFileUpload or WorkflowTrigger.AwsS3FileUpload
                ? rows.Where(s => s.DefinitionJson.Contains("\"Type\":\"AwsS3FileUpload\"") == external)
                : rows.Where(_ => false);
        }

        var total = await rows.LongCountAsync(cancellationToken);
        // Offset is a long on the wire: clamp, since a plain (int) cast wraps a large one to a small or negative skip.
        var page = await rows.OrderByDescending(s => s.Id).Skip((int)Math.Min(query.Offset, int.MaxValue)).Take((int)(query.Limit == 0 ? 10 : query.Limit)).ToListAsync(cancellationToken);
        return (total, page.Select(ScheduleView.Build).ToList());
    }

    private async Task<ScheduleRow> FindAsync(long appId, long scheduleId, CancellationToken cancellationToken) =>
        await db.Schedules.SingleOrDefaultAsync(s => s.Id == scheduleId && s.AppId == appId && s.Kind == ScheduleKinds.Schedule, cancellationToken)
        ?? throw new ApiException(ApiErrorCodes.TemplateNotExist, $"schedule {scheduleId} does not exist");

    private static void EnsureDisabled(ScheduleRow row, string verb)
    {
        if (row.Status == ScheduleStatus.Enabled)
        {
            throw new ApiException(ApiErrorCodes.ResourceInUse, $"schedule {row.Id} is enabled and cannot be {verb}; disable it first");
        }
    }

    private async Task EnsureNameFreeAsync(long appId, string name, long? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Schedules.AnyAsync(s => s.AppId == appId && s.Name == name && s.Id != exceptId, cancellationToken))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Name"), $"a schedule named '{name}' already exists");
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Name"), "a schedule with this name already exists");
        }
    }

    private static List<Activity> WithoutPredrive(IReadOnlyList<Activity> activities) => activities.Select(a => a with { PredriveIndex = null }).ToList();
}
