using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Domain.Workflows;
using Mediaflow.Persistence.Engine;
using Mediaflow.Storage;

namespace Mediaflow.Engine.Tasks;

/// <summary>Builds <see cref="NewTask"/> requests from an orchestration and an input object (output precedence of spec §8).</summary>
public static class TaskRequests
{
    public static NewTask ForSchedule(
        ScheduleRow schedule,
        OrchestrationDefinition definition,
        ResolvedTemplates templates,
        StoredObjectInfo input,
        int lineageDepth,
        string? idempotencyKey,
        TaskOutputStorage? outputOverride = null,
        string? outputDirOverride = null,
        TaskNotifyConfig? notifyOverride = null,
        string sessionId = "",
        string sessionContext = "",
        int? priority = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(input);
        var cos = outputOverride?.CosOutputStorage ?? definition.OutputStorage?.CosOutputStorage;
        return new NewTask(
            schedule.AppId,
            schedule.Id,
            schedule.Version,
            definition.Activities ?? [],
            templates,
            input,
            lineageDepth,
            string.IsNullOrEmpty(cos?.Bucket) ? input.Bucket : cos.Bucket,
            string.IsNullOrEmpty(cos?.Region) ? input.Region : cos.Region,
            OutputPaths.Directory(string.IsNullOrEmpty(outputDirOverride) ? definition.OutputDir : outputDirOverride, input.Key),
            notifyOverride ?? definition.TaskNotifyConfig,
            sessionId,
            sessionContext,
            definition.ResourceId ?? "",
            priority ?? DefaultPriority(schedule),
            idempotencyKey,
            schedule.Kind == ScheduleKinds.Workflow ? TaskTypes.WorkflowTask : TaskTypes.ScheduleTask);
    }

    /// <summary>Tasks an upload starts take their workflow's TaskPriority; orchestrations have no such field (0).</summary>
    private static int DefaultPriority(ScheduleRow schedule)
    {
        if (schedule.Kind != ScheduleKinds.Workflow)
        {
            return 0;
        }

        var stored = JsonNode.Parse(schedule.DefinitionJson)?[WorkflowDefinition.StoredMember]?["TaskPriority"];
        return stored is null ? 0 : (int)stored.GetValue<long>();
    }
}
