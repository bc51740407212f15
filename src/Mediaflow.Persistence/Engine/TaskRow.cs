namespace Mediaflow.Persistence.Engine;

/// <summary>
/// One run of an orchestration on one input object. Everything the run needs is snapshotted at creation (activities,
/// templates, input blob id + etag, output target, notification config), so later edits change nothing for it.
/// </summary>
public sealed class TaskRow
{
    public string TaskId { get; set; } = "";
    public long AppId { get; set; }
    public long ScheduleId { get; set; }
    public int ScheduleVersion { get; set; }
    public string TaskType { get; set; } = "ScheduleTask";
    public string Status { get; set; } = "WAITING";

    /// <summary>(orchestration id + version, bucket, key, etag, event sequence) for triggered tasks: a replayed event never creates a second task.</summary>
    public string? IdempotencyKey { get; set; }

    public string ActivitiesJson { get; set; } = "[]";
    public string TemplatesJson { get; set; } = "{}";
    public string InputInfoJson { get; set; } = "{}";
    public string InputBucket { get; set; } = "";
    public string InputRegion { get; set; } = "";
    public string InputKey { get; set; } = "";
    public string InputBlobId { get; set; } = "";
    public string InputETag { get; set; } = "";
    public int InputLineageDepth { get; set; }
    public string OutputBucket { get; set; } = "";
    public string OutputRegion { get; set; } = "";
    public string OutputDir { get; set; } = "/";
    public string? NotifyJson { get; set; }
    public string SessionId { get; set; } = "";
    public string SessionContext { get; set; } = "";
    public string ResourceId { get; set; } = "";
    public int Priority { get; set; }
    public int ErrCode { get; set; }
    public string Message { get; set; } = "";
    public string? MetaDataJson { get; set; }
    /// <summary>Bumped by every state change; an optimistic concurrency token so two nodes finishing at once cannot both miss the task's end.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset? BeginProcessTime { get; set; }
    public DateTimeOffset? FinishTime { get; set; }
}
