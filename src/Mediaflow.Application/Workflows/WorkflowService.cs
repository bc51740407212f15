using System.Text.Json.Nodes;
using Mediaflow.Application.Schedules;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Workflows;
using Mediaflow.Engine.Tasks;
using Mediaflow.Engine.Triggers;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Workflows;

/// <summary>
/// Create/Reset/Enable/Disable/Delete/DescribeWorkflows. A workflow is stored as a schedules row of kind
/// <see cref="ScheduleKinds.Workflow"/> whose definition is its translated DAG (so the trigger relay and the engine run it
/// unchanged, reporting <c>WorkflowTask</c>) plus the workflow as sent under <c>MfWorkflow</c> (so Describe answers in its shape).
/// Names are unique per account across schedules and workflows (one table, one unique index).
/// </summary>
public sealed class WorkflowService(MediaflowDbContext db, OrchestrationValidation validation, TimeProvider time)
{
    public const string StoredWorkflowMember = WorkflowDefinition.StoredMember;

    public async Task<long> CreateAsync(long appId, WorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        var translation = await ValidateAsync(appId, workflow, cancellationToken);
        await EnsureNameFreeAsync(appId, workflow.WorkflowName!, exceptId: null, cancellationToken);
        var now = time.GetUtcNow();
        var row = new ScheduleRow { AppId = appId, Kind = ScheduleKinds.Workflow, Status = ScheduleStatus.Disabled, CreateTime = now };
        Apply(row, workflow, translation, now);
        db.Schedules.Add(row);
        await SaveAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>Full replacement of a disabled workflow.</summary>
    public async Task ResetAsync(long appId, long workflowId, WorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, workflowId, cancellationToken);
        if (row.Status == ScheduleStatus.Enabled)
        {
            throw new ApiException(ApiErrorCodes.ResourceInUse, $"workflow {workflowId} is enabled and cannot be reset; disable it first");
        }

        var translation = await ValidateAsync(appId, workflow, cancellationToken);
        await EnsureNameFreeAsync(appId, workflow.WorkflowName!, exceptId: row.Id, cancellationToken);
        Apply(row, workflow, translation, time.GetUtcNow());
        row.Version++;
        await SaveAsync(cancellationToken);
    }

    public async Task DeleteAsync(long appId, long workflowId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, workflowId, cancellationToken);
        if (row.Status == ScheduleStatus.Enabled)
        {
            throw new ApiException(ApiErrorCodes.ResourceInUse, $"workflow {workflowId} is enabled and cannot be deleted; disable it first");
        }

        db.Schedules.Remove(row);
        await SaveAsync(cancellationToken);
    }

    /// <summary>As EnableSchedule: only uploads committed after this call start tasks.</summary>
    public async Task EnableAsync(long appId, long workflowId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, workflowId, cancellationToken);
        if (row.Status == ScheduleStatus.Enabled)
        {
            return;
        }

        await ValidateAsync(appId, Stored(row), cancellationToken); // a bucket or template may have gone since saving
        await ScheduleActivation.EnableAsync(db, row, time.GetUtcNow(), cancellationToken);
        await SaveAsync(cancellationToken);
    }

    public async Task DisableAsync(long appId, long workflowId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, workflowId, cancellationToken);
        ScheduleActivation.Disable(row, time.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    public async Task<(long Total, List<JsonObject> Items)> DescribeAsync(long appId, DescribeWorkflowsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 0 or > 100 || query.Offset < 0)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue, "Limit must be 0-100 and Offset non-negative");
        }

        if (query.WorkflowIds is { Count: > 100 })
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("WorkflowIds"), "WorkflowIds takes at most 100 ids");
        }

        var rows = db.Schedules.AsNoTracking().Where(s => s.AppId == appId && s.Kind == ScheduleKinds.Workflow);
        if (query.WorkflowIds is { Count: > 0 } ids)
        {
            rows = rows.Where(s => ids.Contains(s.Id));
        }

        if (!string.IsNullOrEmpty(query.Status))
        {
            rows = rows.Where(s => s.Status == query.Status);
        }

        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.OrderByDescending(s => s.Id).Skip((int)Math.Min(query.Offset, int.MaxValue))
            .Take((int)(query.Limit == 0 ? 10 : query.Limit)).ToListAsync(cancellationToken);
        return (total, page.Select(WorkflowView.Build).ToList());
    }

    /// <summary>The workflow as its creator sent it (the stored <c>MfWorkflow</c> member).</summary>
    public static WorkflowDefinition Stored(ScheduleRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var stored = JsonNode.Parse(row.DefinitionJson)?[StoredWorkflowMember]
            ?? throw new InvalidOperationException($"workflow {row.Id} has no stored {StoredWorkflowMember}");
        return EngineJson.Deserialize<WorkflowDefinition>(stored.ToJsonString());
    }

    private async Task<WorkflowTranslation> ValidateAsync(long appId, WorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var translation = WorkflowTranslator.Translate(workflow);
        try
        {
            await validation.ValidateAsync(appId, translation.Definition, cancellationToken);
        }
        catch (ApiException exception)
        {
            throw translation.Relabel(exception);
        }

        return translation;
    }

    private static void Apply(ScheduleRow row, WorkflowDefinition workflow, WorkflowTranslation translation, DateTimeOffset now)
    {
        var definition = JsonNode.Parse(EngineJson.Serialize(translation.Definition))!.AsObject();
        definition[StoredWorkflowMember] = JsonNode.Parse(EngineJson.Serialize(workflow with { WorkflowId = null }));
        row.Name = workflow.WorkflowName!;
        row.DefinitionJson = definition.ToJsonString();
        row.TriggerBucket = translation.Definition.Trigger!.CosFileUploadTrigger!.Bucket!;
        row.TriggerRegion = translation.Definition.Trigger.CosFileUploadTrigger.Region!;
        row.UpdateTime = now;
    }

    private async Task<ScheduleRow> FindAsync(long appId, long workflowId, CancellationToken cancellationToken) =>
        await db.Schedules.SingleOrDefaultAsync(s => s.Id == workflowId && s.AppId == appId && s.Kind == ScheduleKinds.Workflow, cancellationToken)
        ?? throw new ApiException(ApiErrorCodes.InvalidValue("WorkflowId"), $"workflow {workflowId} does not exist");

    private async Task EnsureNameFreeAsync(long appId, string name, long? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Schedules.AnyAsync(s => s.AppId == appId && s.Name == name && s.Id != exceptId, cancellationToken))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("WorkflowName"), $"a workflow or schedule named '{name}' already exists");
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
            throw new ApiException(ApiErrorCodes.InvalidValue("WorkflowName"), "a workflow or schedule with this name already exists");
        }
    }
}
