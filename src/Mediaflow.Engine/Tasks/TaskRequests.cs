using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
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
        int priority = 0)
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
            priority,
            idempotencyKey,
            schedule.Kind == ScheduleKinds.Workflow ? TaskTypes.WorkflowTask : TaskTypes.ScheduleTask);
    }
}
