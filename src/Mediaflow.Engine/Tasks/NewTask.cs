using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Storage;

namespace Mediaflow.Engine.Tasks;

/// <summary>Everything a task snapshots when it is created: later edits of the orchestration or its templates change nothing for it.</summary>
public sealed record NewTask(
    long AppId,
    long ScheduleId,
    int ScheduleVersion,
    IReadOnlyList<Activity> Activities,
    ResolvedTemplates Templates,
    StoredObjectInfo Input,
    int InputLineageDepth,
    string OutputBucket,
    string OutputRegion,
    string OutputDir,
    TaskNotifyConfig? Notify,
    string SessionId,
    string SessionContext,
    string ResourceId,
    int Priority,
    string? IdempotencyKey,
    string TaskType = TaskTypes.ScheduleTask);
